package dev.vocero.workflows.messaging;

import dev.vocero.workflows.common.WorkflowLabels;
import dev.vocero.workflows.messaging.MessageActivities.Outcome;
import dev.vocero.workflows.messaging.MessageActivities.RecipientRequest;
import dev.vocero.workflows.messaging.MessageActivities.SendFailure;
import dev.vocero.workflows.messaging.MessageActivities.SendRequest;
import dev.vocero.workflows.messaging.MessageActivities.SendResult;
import dev.vocero.workflows.messaging.MessageActivities.WaveStatusChange;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Pages recipients from PostgreSQL, sends one message at a time at {@code perMinute}, waits while paused, stops on
 * cancel, and continues-as-new after each page so the history stays small. Every message is held on the
 * organization's credits first; when they run out the wave pauses itself ({@code no_credit}) and, once resumed,
 * tries the same contact again. A contact the contact policy allows only later (version {@value #WAIT_CHANGE} on) is
 * deferred: the wave sends it once a timer reaches its time, carrying the deferred list over continue-as-new and
 * waiting for the last ones after its last page.
 */
public final class MessageWaveWorkflowImpl implements MessageWaveWorkflow {
  static final int PAGE_SIZE = 200;
  static final String WAIT_CHANGE = "wave-policy-wait";
  /** Beyond this many deferred contacts a "wait" is skipped: the list travels in each continue-as-new input. */
  static final int MAX_DEFERRED = 10_000;
  private static final Comparator<WaveInput.Deferred> DUE_ORDER =
      Comparator.comparingLong(WaveInput.Deferred::notBeforeMillis).thenComparingLong(WaveInput.Deferred::contactId);

  private final MessageActivities io = Workflow.newActivityStub(MessageActivities.class, MessageActivityOptions.io());
  private final MessageActivities sender =
      Workflow.newActivityStub(MessageActivities.class, MessageActivityOptions.send());
  private final UUID orgId;
  private final UUID waveId;
  private WaveProgress progress;
  private boolean paused;
  private boolean cancelled;
  private final List<WaveInput.Deferred> deferred;

  @WorkflowInit
  public MessageWaveWorkflowImpl(WaveInput input) {
    this.orgId = input.orgId();
    this.waveId = input.waveId();
    this.progress = input.progress();
    this.paused = progress.status() == WaveStatus.PAUSED;
    this.deferred = new ArrayList<>(input.deferred());
    this.deferred.sort(DUE_ORDER);
  }

  @Override
  public WaveProgress run(WaveInput input) {
    if (Workflow.getVersion(WAIT_CHANGE, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return runSkippingWaits();
    }
    List<Long> page = io.recipients(new RecipientRequest(orgId, waveId, progress.lastContactId(), PAGE_SIZE))
        .contactIds();
    for (long contactId : page) {
      if (!sendDue() || !paceAndResume()) {
        break;
      }
      if (!sendAndCount(contactId, false)) {
        break;
      }
    }
    boolean more = !cancelled && page.size() == PAGE_SIZE;
    if (!more) {
      sendDeferredAsTheyFallDue();
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (more) {
      Workflow.continueAsNew(WorkflowLabels.carriedOn(), new WaveInput(orgId, waveId, progress, deferred));
    }
    progress = with(cancelled ? WaveStatus.CANCELLED : WaveStatus.COMPLETED);
    io.recordWave(new WaveStatusChange(orgId, waveId, progress));
    return progress;
  }

  /** After the last page: sleeps until the next deferred contact is due and sends it, until none is left. */
  private void sendDeferredAsTheyFallDue() {
    while (!deferred.isEmpty() && !cancelled) {
      long wait = deferred.get(0).notBeforeMillis() - Workflow.currentTimeMillis();
      if (wait > 0) {
        Workflow.await(Duration.ofMillis(wait), () -> cancelled);
      }
      if (!sendDue()) {
        return;
      }
    }
  }

  /** Sends the deferred contacts whose time has come; false when the wave was cancelled meanwhile. */
  private boolean sendDue() {
    while (!deferred.isEmpty() && deferred.get(0).notBeforeMillis() <= Workflow.currentTimeMillis()) {
      if (!paceAndResume()) {
        return false;
      }
      WaveInput.Deferred next = deferred.remove(0);
      if (!sendAndCount(next.contactId(), true)) {
        return false;
      }
    }
    return !cancelled;
  }

  /** The pace between messages, then waits while paused; false when cancelled. */
  private boolean paceAndResume() {
    if (progress.sent() + progress.skipped() + progress.failed() + progress.waiting() > 0) {
      Workflow.await(interval(), () -> cancelled);
    }
    Workflow.await(() -> !paused || cancelled);
    return !cancelled;
  }

  /** One send that may be deferred; false when the wave was cancelled while waiting for credit. */
  private boolean sendAndCount(long contactId, boolean wasDeferred) {
    SendResult result = sendDeferrable(contactId);
    if (result.outcome() == Outcome.NO_CREDIT) { // cancelled while waiting for credit
      io.recordFailure(new SendFailure(orgId, waveId, contactId, MessageActivities.WAVE_CANCELLED));
      return false;
    }
    WaveProgress p = progress;
    if (wasDeferred) {
      p = new WaveProgress(p.status(), p.sent(), p.skipped(), p.failed(), p.lastContactId(), p.perMinute(),
          p.pauseReason(), p.waiting() - 1);
      progress = p;
    }
    if (result.outcome() == Outcome.WAITING) {
      deferred.add(new WaveInput.Deferred(contactId, result.notBeforeMillis()));
      deferred.sort(DUE_ORDER);
      progress = new WaveProgress(p.status(), p.sent(), p.skipped(), p.failed(), Math.max(contactId,
          p.lastContactId()), p.perMinute(), p.pauseReason(), p.waiting() + 1);
    } else {
      count(result.outcome(), Math.max(contactId, p.lastContactId()));
    }
    return true;
  }

  /** Sends (deferrable); while the credits cannot cover the message, pauses and tries again once resumed. */
  private SendResult sendDeferrable(long contactId) {
    SendResult result = send(contactId, deferred.size() < MAX_DEFERRED);
    while (result.outcome() == Outcome.NO_CREDIT && !cancelled) {
      pauseForCredit();
      Workflow.await(() -> !paused || cancelled);
      if (!cancelled) {
        result = send(contactId, deferred.size() < MAX_DEFERRED);
      }
    }
    return result;
  }

  private SendResult send(long contactId, boolean mayWait) {
    try {
      return sender.send(new SendRequest(orgId, waveId, contactId, mayWait));
    } catch (ActivityFailure e) {
      String code = e.getCause() instanceof ApplicationFailure app ? app.getType() : "SendFailed";
      io.recordFailure(new SendFailure(orgId, waveId, contactId, code));
      return new SendResult(Outcome.FAILED, null, code);
    }
  }

  /** The path of runs started before waves waited (and of their stored histories): a "wait" is skipped. */
  private WaveProgress runSkippingWaits() {
    List<Long> page = io.recipients(new RecipientRequest(orgId, waveId, progress.lastContactId(), PAGE_SIZE))
        .contactIds();
    for (long contactId : page) {
      if (progress.sent() + progress.skipped() + progress.failed() > 0) {
        Workflow.await(interval(), () -> cancelled);
      }
      Workflow.await(() -> !paused || cancelled);
      if (cancelled) {
        break;
      }
      Outcome outcome = sendWhenCovered(contactId);
      if (outcome == Outcome.NO_CREDIT) { // cancelled while waiting for credit
        io.recordFailure(new SendFailure(orgId, waveId, contactId, MessageActivities.WAVE_CANCELLED));
        break;
      }
      count(outcome, contactId);
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (!cancelled && page.size() == PAGE_SIZE) {
      Workflow.continueAsNew(WorkflowLabels.carriedOn(), new WaveInput(orgId, waveId, progress));
    }
    progress = with(cancelled ? WaveStatus.CANCELLED : WaveStatus.COMPLETED);
    io.recordWave(new WaveStatusChange(orgId, waveId, progress));
    return progress;
  }

  /** Sends; while the credits cannot cover the message, pauses with {@code no_credit} and tries again once resumed. */
  private Outcome sendWhenCovered(long contactId) {
    Outcome outcome = send(contactId);
    while (outcome == Outcome.NO_CREDIT && !cancelled) {
      pauseForCredit();
      Workflow.await(() -> !paused || cancelled);
      if (!cancelled) {
        outcome = send(contactId);
      }
    }
    return outcome;
  }

  private void pauseForCredit() {
    paused = true;
    WaveProgress p = progress;
    progress = new WaveProgress(WaveStatus.PAUSED, p.sent(), p.skipped(), p.failed(), p.lastContactId(),
        p.perMinute(), WaveProgress.NO_CREDIT, p.waiting());
    io.recordWave(new WaveStatusChange(orgId, waveId, progress));
  }

  private Outcome send(long contactId) {
    try {
      SendResult result = sender.send(new SendRequest(orgId, waveId, contactId));
      return result.outcome();
    } catch (ActivityFailure e) {
      String code = e.getCause() instanceof ApplicationFailure app ? app.getType() : "SendFailed";
      io.recordFailure(new SendFailure(orgId, waveId, contactId, code));
      return Outcome.FAILED;
    }
  }

  private void count(Outcome outcome, long contactId) {
    WaveProgress p = progress;
    progress = switch (outcome) {
      case SENT -> new WaveProgress(p.status(), p.sent() + 1, p.skipped(), p.failed(), contactId, p.perMinute(),
          p.pauseReason(), p.waiting());
      case FAILED -> new WaveProgress(p.status(), p.sent(), p.skipped(), p.failed() + 1, contactId, p.perMinute(),
          p.pauseReason(), p.waiting());
      default -> new WaveProgress(p.status(), p.sent(), p.skipped() + 1, p.failed(), contactId, p.perMinute(),
          p.pauseReason(), p.waiting());
    };
  }

  private Duration interval() {
    return Duration.ofMillis(Math.max(10, 60_000L / progress.perMinute()));
  }

  private WaveProgress with(WaveStatus status) {
    WaveProgress p = progress;
    return new WaveProgress(status, p.sent(), p.skipped(), p.failed(), p.lastContactId(), p.perMinute(),
        status == WaveStatus.PAUSED ? p.pauseReason() : null, p.waiting());
  }

  @Override
  public WaveProgress progress() {
    return progress;
  }

  @Override
  public WaveProgress snapshot() {
    return progress;
  }

  @Override
  public WaveProgress pause() {
    paused = true;
    progress = with(WaveStatus.PAUSED);
    io.recordWave(new WaveStatusChange(orgId, waveId, progress));
    return progress;
  }

  @Override
  public void validatePause() {
    if (paused || cancelled) {
      throw new IllegalStateException(cancelled ? "the wave is cancelled" : "the wave is already paused");
    }
  }

  @Override
  public WaveProgress resume() {
    paused = false;
    progress = with(WaveStatus.RUNNING);
    io.recordWave(new WaveStatusChange(orgId, waveId, progress));
    return progress;
  }

  @Override
  public void validateResume() {
    if (!paused || cancelled) {
      throw new IllegalStateException(cancelled ? "the wave is cancelled" : "the wave is not paused");
    }
  }

  @Override
  public void cancel(String reason) {
    cancelled = true;
  }
}
