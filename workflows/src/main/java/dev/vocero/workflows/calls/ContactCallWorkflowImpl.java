package dev.vocero.workflows.calls;

import dev.vocero.workflows.calls.CallAttemptActivities.AttemptClose;
import dev.vocero.workflows.calls.CallAttemptActivities.HeldPlan;
import dev.vocero.workflows.calls.CallCreditActivities.CreditHold;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptOutcome;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptPlan;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptRef;
import dev.vocero.workflows.calls.ContactCallActivities.ContactResult;
import dev.vocero.workflows.calls.ContactCallActivities.PlacedCall;
import dev.vocero.workflows.calls.ContactCallActivities.PlanRequest;
import dev.vocero.workflows.calls.ContactCallActivities.ResumePoint;
import dev.vocero.workflows.calls.ContactCallActivities.ResumeRequest;
import dev.vocero.workflows.common.Failures;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * One contact's attempts: plan (window, DNC, caps), hold credit, dial, await the provider's terminal event (deadline,
 * then a poll, twice), then retry, move to the next number or stop. Always reports to its batch; then, for
 * answered recorded calls, turns each recording into an audio processed by an abandoned child workflow.
 */
public final class ContactCallWorkflowImpl implements ContactCallWorkflow {
  static final String NO_TERMINAL_STATUS = "no terminal status from provider";
  static final String NO_CREDIT = BatchProgress.CREDIT_REASON;
  static final String INTERRUPTED_REASON =
      "Vocero restarted during the call and the provider could not say how it ended; not dialed again";

  private static final Logger log = Workflow.getLogger(ContactCallWorkflowImpl.class);
  /** A WAIT whose window already opened still pauses this long, so a confused planner cannot spin. */
  private static final long MIN_WAIT_MILLIS = 1_000;
  /**
   * Version 1: plan and credit hold in one local activity, settlement, outcome and final result in another, and no
   * search-attribute upserts for {@code dialing} and {@code in call} (docs/workflow-versions.md).
   */
  static final String LEAN_ATTEMPT = "contact-call-lean-attempt";

  /** Plan and record run as local activities: each skips a workflow task and an activity task round trip. */
  private final ContactCallActivities steps =
      Workflow.newLocalActivityStub(ContactCallActivities.class, CallActivityOptions.localIo());
  private final CallAttemptActivities attemptSteps =
      Workflow.newLocalActivityStub(CallAttemptActivities.class, CallActivityOptions.localIo());

  private final UUID orgId;
  private final UUID batchId;
  private final long contactId;
  private final BatchSettings settings;
  private final boolean resumed;
  private final ProviderCall provider;
  private final ProviderEventLog events;
  private final RecordingHandoff handoff;
  private final BatchReports batch;
  private final CallRecordings recordings = new CallRecordings();
  private ContactState state = ContactState.WAITING;
  private int attempt = 1;
  private int phoneIndex;
  private int dialed;
  private Disposition lastDisposition;
  private long waitingUntilEpochMs;
  private boolean cancelled;
  private String cancelReason;
  private boolean lean;
  /** The contact's result as the lean close already stored it, so {@link #finish} need not store it again. */
  private ContactOutcome storedResult;

  @WorkflowInit
  public ContactCallWorkflowImpl(ContactCallInput input) {
    this.orgId = input.orgId();
    this.batchId = input.batchId();
    this.contactId = input.contactId();
    this.settings = input.settings();
    this.resumed = input.resumed();
    this.provider = new ProviderCall(input, log);
    this.events = provider.events();
    this.handoff = new RecordingHandoff(orgId, contactId, log);
    this.batch = new BatchReports(batchId, contactId, log);
  }

  @Override
  public ContactOutcome call(ContactCallInput input) {
    lean = Workflow.getVersion(LEAN_ATTEMPT, Workflow.DEFAULT_VERSION, 1) == 1;
    Disposition disposition;
    try {
      disposition = attemptsOrFailed();
    } catch (CanceledFailure e) {
      Workflow.newDetachedCancellationScope(() -> {
        finish(Disposition.CANCELED);
        Workflow.await(Workflow::isEveryHandlerFinished);
      }).run();
      throw e;
    }
    ContactOutcome outcome = finish(disposition);
    handleRecordings();
    Workflow.await(Workflow::isEveryHandlerFinished);
    return outcome;
  }

  @Override
  public void providerEvent(ProviderEvent event) {
    if (event != null) {
      events.record(event.attemptId(), event);
    }
  }

  @Override
  public void recording(RecordingEvent event) {
    recordings.receive(event);
  }

  @Override
  public void cancel(String reason) {
    if (cancelled) {
      return;
    }
    cancelled = true;
    cancelReason = reason == null || reason.isBlank() ? "cancelled" : reason;
  }

  @Override
  public ContactProgress progress() {
    return new ContactProgress(state, attempt, phoneIndex, lastDisposition, waitingUntilEpochMs);
  }

  /** A step that failed for good (after its retries) ends the contact as failed: the batch must hear back. */
  private Disposition attemptsOrFailed() {
    try {
      Disposition resumed = resumeFromStore();
      return resumed != null ? resumed : runAttempts();
    } catch (ActivityFailure e) {
      if (CancellationScope.current().isCancelRequested()) {
        throw new CanceledFailure("workflow cancelled");
      }
      log.warn("Contact {} of batch {} stopped after a failed step: {}", contactId, batchId, Failures.type(e));
      return cancelled ? Disposition.CANCELED : Disposition.FAILED;
    }
  }

  /**
   * Only when its batch was started again from PostgreSQL: goes on from the contact's attempts there. Returns the final
   * disposition when they already ended the contact, else null (then the attempts loop plans the next one).
   */
  private Disposition resumeFromStore() {
    if (!resumed) {
      return null;
    }
    ResumePoint point = steps.resumePoint(new ResumeRequest(orgId, batchId, contactId, settings));
    if (point == null || point.equals(ResumePoint.FRESH)) {
      return null;
    }
    attempt = point.attemptNumber();
    phoneIndex = point.phoneIndex();
    dialed = point.dialed();
    lastDisposition = point.lastDisposition();
    log.info("Contact {} of batch {} resumes at attempt {} ({} dialed)", contactId, batchId, attempt, dialed);
    if (point.finished() != null) {
      return point.finished();
    }
    if (point.openAttemptId() != null) {
      return settleCutOff(new AttemptRef(orgId, point.openAttemptId()), point.openTerminal());
    }
    long wait = point.notBeforeEpochMs() - Workflow.currentTimeMillis();
    if (wait > 0) {
      retryWait((wait + 999) / 1000);
    }
    return null;
  }

  /**
   * The call a restart cut off: its outcome comes from the stored callback, else from the provider (asked at once,
   * then waited for like any call). Without one it ends {@code interrupted} and the contact is done: never dialed again.
   */
  private Disposition settleCutOff(AttemptRef ref, ProviderEvent stored) {
    if (stored != null) {
      events.record(ref.attemptId(), stored);
    }
    changeState(ContactState.IN_CALL);
    ProviderEvent terminal = events.terminalFor(ref.attemptId());
    if (terminal == null) {
      terminal = provider.pollUnaware(ref) ? null : provider.awaitTerminal(ref);
    }
    AttemptResult result = terminal != null
        ? AttemptResult.of(terminal) : new AttemptResult(Disposition.INTERRUPTED, INTERRUPTED_REASON);
    provider.settle(ref);
    lastDisposition = result.disposition();
    NextStep next = result.disposition() == Disposition.INTERRUPTED ? NextStep.DONE : nextStep(result.disposition());
    recordOutcome(ref, result, next);
    return afterOutcome(next, result);
  }

  private Disposition runAttempts() {
    while (!cancelled) {
      PlanRequest request = new PlanRequest(orgId, batchId, contactId, attempt, phoneIndex, settings);
      HeldPlan held = lean ? attemptSteps.planAndHold(request) : new HeldPlan(steps.planAttempt(request), null);
      AttemptPlan plan = held.plan();
      Disposition end = switch (plan.decision()) {
        case WAIT -> waitForWindow(plan.notBeforeEpochMs());
        case DIAL -> dialAndDecide(plan, held.hold());
        case BLOCKED_DNC -> Disposition.BLOCKED_DNC;
        case BLOCKED_CAP -> Disposition.BLOCKED_CAP;
        case WINDOW_EXPIRED -> Disposition.WINDOW_EXPIRED;
        // after a technical failure on the last number, "failed" says more than "invalid_number"
        case NO_USABLE_NUMBER -> lastDisposition == Disposition.FAILED ? Disposition.FAILED : Disposition.INVALID_NUMBER;
      };
      if (end != null) {
        return end;
      }
    }
    return Disposition.CANCELED;
  }

  /** Sleeps until the contact's next legal window (a cancel interrupts); null: plan again. */
  private Disposition waitForWindow(long notBeforeEpochMs) {
    waitingUntilEpochMs = notBeforeEpochMs;
    changeState(ContactState.WAITING);
    long millis = Math.max(notBeforeEpochMs - Workflow.currentTimeMillis(), MIN_WAIT_MILLIS);
    Workflow.await(Duration.ofMillis(millis), () -> cancelled);
    waitingUntilEpochMs = 0;
    return null;
  }

  /**
   * Places the planned attempt and records its outcome; returns the final disposition, or null to go on. {@code held}
   * is the lean plan's credit hold (null before {@code contact-call-lean-attempt}: the hold is taken here).
   */
  private Disposition dialAndDecide(AttemptPlan plan, CreditHold held) {
    phoneIndex = plan.phoneIndex();
    AttemptRef ref = new AttemptRef(orgId, plan.attemptId());
    if (cancelled) {
      AttemptResult result = new AttemptResult(Disposition.CANCELED, "cancelled before dialing: " + cancelReason);
      if (held != null && held.granted()) {
        closeAttempt(ref, result, NextStep.DONE, true, Disposition.CANCELED); // gives the hold back
      } else {
        recordOutcome(ref, result, NextStep.DONE);
      }
      return Disposition.CANCELED;
    }
    CreditHold hold = held != null ? held : provider.reserve(ref);
    if (!hold.granted()) {
      return noCredit(ref, hold.reason());
    }
    AttemptResult result = dial(ref);
    if (!lean) {
      provider.settle(ref);
    }
    dialed++;
    lastDisposition = result.disposition();
    NextStep next = nextStep(result.disposition());
    if (lean) {
      closeAttempt(ref, result, next, true, next == NextStep.DONE ? finalDisposition(result) : null);
    } else {
      recordOutcome(ref, result, next);
    }
    return afterOutcome(next, result);
  }

  private Disposition finalDisposition(AttemptResult result) {
    return cancelled ? Disposition.CANCELED : result.disposition();
  }

  /** Waits before a retry or moves to the next number (null: plan again), or ends with the attempt's disposition. */
  private Disposition afterOutcome(NextStep next, AttemptResult result) {
    return switch (next) {
      case RETRY -> {
        retryWait(settings.retryDelayFor(result.disposition()));
        attempt++;
        yield null;
      }
      case NEXT_NUMBER -> {
        phoneIndex++;
        attempt++;
        yield null;
      }
      case DONE -> finalDisposition(result);
    };
  }

  /** Not dialed: the decision is stored on the attempt and the batch pauses, so no further contact is started. */
  private Disposition noCredit(AttemptRef ref, String reason) {
    String why = reason == null ? NO_CREDIT : reason;
    lastDisposition = Disposition.NO_CREDIT;
    AttemptResult result = new AttemptResult(Disposition.NO_CREDIT, why);
    if (lean) {
      closeAttempt(ref, result, NextStep.DONE, false, Disposition.NO_CREDIT);
    } else {
      recordOutcome(ref, result, NextStep.DONE);
    }
    batch.creditExhausted(why);
    return Disposition.NO_CREDIT;
  }

  private AttemptResult dial(AttemptRef ref) {
    changeState(ContactState.DIALING);
    PlacedCall placed;
    try {
      placed = provider.place(ref);
    } catch (ActivityFailure e) {
      ProviderEvent reported = events.terminalFor(ref.attemptId());
      return reported != null ? AttemptResult.of(reported) : AttemptResult.notPlaced(e);
    }
    changeState(ContactState.IN_CALL);
    ProviderEvent terminal = provider.awaitTerminal(ref);
    AttemptResult result =
        terminal != null ? AttemptResult.of(terminal) : new AttemptResult(Disposition.FAILED, NO_TERMINAL_STATUS);
    if (placed != null && result.answered()) {
      recordings.expect(ref.attemptId(), placed.recordingWaitSeconds());
    }
    return result;
  }

  private NextStep nextStep(Disposition disposition) {
    return NextStep.after(disposition, attempt, settings, cancelled);
  }

  private void retryWait(long seconds) {
    if (seconds <= 0) {
      return;
    }
    changeState(ContactState.RETRY_WAIT);
    waitingUntilEpochMs = Workflow.currentTimeMillis() + seconds * 1000;
    Workflow.await(Duration.ofSeconds(seconds), () -> cancelled);
    waitingUntilEpochMs = 0;
  }

  private void recordOutcome(AttemptRef ref, AttemptResult result, NextStep next) {
    steps.recordOutcome(
        new AttemptOutcome(orgId, ref.attemptId(), result.disposition(), result.reason(), next.wire()));
  }

  /**
   * Lean: settlement, outcome and (when {@code finalDisposition} is set) the contact's result in one local activity and
   * one transaction. A failure after its retries fails the contact, like a failed outcome before.
   */
  private void closeAttempt(AttemptRef ref, AttemptResult result, NextStep next, boolean settle,
      Disposition finalDisposition) {
    ProviderEvent terminal = events.terminalFor(ref.attemptId());
    ContactResult contactResult = finalDisposition == null
        ? null : new ContactResult(orgId, batchId, contactId, finalDisposition, dialed);
    attemptSteps.closeAttempt(new AttemptClose(
        new AttemptOutcome(orgId, ref.attemptId(), result.disposition(), result.reason(), next.wire()),
        settle, terminal == null ? null : terminal.durationSeconds(), contactResult));
    if (contactResult != null) {
      storedResult = new ContactOutcome(contactId, finalDisposition, dialed);
    }
  }

  private ContactOutcome finish(Disposition disposition) {
    lastDisposition = disposition;
    changeState(ContactState.DONE);
    ContactOutcome outcome = new ContactOutcome(contactId, disposition, dialed);
    if (!outcome.equals(storedResult)) {
      recordResult(outcome);
    }
    batch.contactFinished(outcome);
    return outcome;
  }

  /**
   * Runs after the batch heard back, so it holds no concurrency slot: waits (bounded) for the recordings of answered
   * calls, stores each as an audio and hands it to its own processing workflow, which outlives this one.
   */
  private void handleRecordings() {
    if (!recordings.expecting()) {
      return;
    }
    changeState(ContactState.RECORDING);
    if (!Workflow.await(Duration.ofSeconds(recordings.waitSeconds()), recordings::allHeard)) {
      log.info("Contact {} of batch {}: {} recording(s) never arrived", contactId, batchId, recordings.missing());
    }
    for (RecordingEvent recording : recordings.available()) {
      handoff.handOff(recording);
    }
    changeState(ContactState.DONE);
  }

  private void recordResult(ContactOutcome outcome) {
    try {
      steps.recordContactResult(
          new ContactResult(orgId, batchId, contactId, outcome.disposition(), outcome.attempts()));
    } catch (ActivityFailure e) {
      log.warn("Result of contact {} of batch {} not recorded: {}", contactId, batchId, Failures.type(e));
    }
  }

  /** Lean: {@code dialing} and {@code in call} live in the progress query only (a call lasts seconds to minutes). */
  private void changeState(ContactState next) {
    state = next;
    if (lean && (next == ContactState.DIALING || next == ContactState.IN_CALL)) {
      return;
    }
    if (!next.wire().equals(Workflow.getTypedSearchAttributes().get(VoceroSearchAttributes.STATUS))) {
      Workflow.upsertTypedSearchAttributes(VoceroSearchAttributes.STATUS.valueSet(next.wire()));
    }
  }
}
