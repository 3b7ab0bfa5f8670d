package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.campaigns.CampaignActivities.DayRollup;
import dev.vocero.workflows.campaigns.CampaignActivities.StateChange;
import dev.vocero.workflows.campaigns.CampaignBatchActivities.BatchStart;
import dev.vocero.workflows.campaigns.CampaignCalendar.Window;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * One run per day: wait for the day's window, run the batches inside it, hold them outside it, roll the day up,
 * continue-as-new. Batches are held and released through their own pause/resume updates (by activity, as a workflow
 * cannot send updates); a batch never started before is started by an activity as its own workflow, not as a child:
 * it outlives each daily run, and a child whose parent run has continued-as-new cannot report to it anyway.
 *
 * <p>Daily quota: the batches' own {@code started} counters (their progress) are read when the quota could at the
 * earliest be reached at the batches' pace, and every batch is held once the day's starts reach the quota. The
 * quota can therefore be passed by at most what the batches start in one poll interval (one second at the end).
 */
public final class CampaignWorkflowImpl implements CampaignWorkflow {

  static final Duration MIN_POLL = Duration.ofSeconds(1);
  static final Duration MAX_POLL = Duration.ofMinutes(10);
  static final String NEW = "new";
  static final String HELD = "held";
  static final String ACTIVE = "active";

  private static final Logger log = Workflow.getLogger(CampaignWorkflowImpl.class);

  private final CampaignActivities activities =
      Workflow.newActivityStub(CampaignActivities.class, CampaignActivityOptions.io());
  private final CampaignBatchActivities control =
      Workflow.newActivityStub(CampaignBatchActivities.class, CampaignActivityOptions.io());
  private final UUID orgId;
  private final UUID campaignId;
  private final CampaignSchedule schedule;
  private final CampaignCalendar calendar;
  private final int dailyQuota;
  private final Map<UUID, CampaignBatch> batches = new LinkedHashMap<>();
  private final Map<UUID, Integer> dayBase = new HashMap<>();
  private final int daysRunBefore;
  private String state;
  private String mirrored;
  private Window window;
  private boolean inWindow;
  private boolean quotaReached;
  private boolean cancelled;
  private String cancelReason;
  /** The campaign ended: handlers are refused. */
  private boolean finishing;
  /** This run is over (ended or continuing as new): waiting handlers answer now; the next run applies them. */
  private boolean closing;
  private int commands;
  private int applied;

  @WorkflowInit
  public CampaignWorkflowImpl(CampaignInput input) {
    this.orgId = input.orgId();
    this.campaignId = input.campaignId();
    this.schedule = input.schedule();
    this.calendar = new CampaignCalendar(input.schedule());
    this.dailyQuota = input.dailyQuota();
    input.batches().forEach(b -> batches.put(b.batchId(), b));
    this.state = input.state();
    this.mirrored = input.daysRun() == 0 ? null : input.state();
    this.daysRunBefore = input.daysRun();
  }

  @Override
  public CampaignProgress run(CampaignInput input) {
    Optional<Window> next = calendar.next(now());
    if (next.isEmpty()) {
      return end(CampaignStates.COMPLETED, "campaign ended");
    }
    window = next.get();
    if (!awaitWindow()) {
      return end(CampaignStates.CANCELLED, cancelReason);
    }
    inWindow = true;
    if (CampaignStates.SCHEDULED.equals(state)) {
      state = CampaignStates.RUNNING;
    }
    runWindow();
    inWindow = false;
    if (cancelled) {
      rollUp();
      return end(CampaignStates.CANCELLED, cancelReason);
    }
    reconcile();
    rollUp();
    if (allDone()) {
      return end(CampaignStates.COMPLETED, "campaign ended");
    }
    continueAsNew();
    return progress();
  }

  @Override
  public CampaignProgress progress() {
    return new CampaignProgress(state, window == null ? null : window.date().toString(),
        window == null ? 0 : window.start().toEpochMilli(), window == null ? 0 : window.end().toEpochMilli(),
        dailyQuota, startedToday(), quotaReached, startedTotal(), daysRunBefore, List.copyOf(batches.values()));
  }

  @Override
  public void validatePause() {
    requireOpen();
    if (CampaignStates.PAUSED.equals(state)) {
      throw new IllegalStateException("the campaign is already paused");
    }
    if (CampaignStates.SCHEDULED.equals(state)) {
      throw new IllegalStateException("the campaign has not started yet: it can be paused once its first window opens,"
          + " or cancelled now");
    }
  }

  @Override
  public CampaignProgress pause() {
    state = CampaignStates.PAUSED;
    return awaitApplied();
  }

  @Override
  public void validateResume() {
    requireOpen();
    if (!CampaignStates.PAUSED.equals(state)) {
      throw new IllegalStateException("the campaign is not paused");
    }
  }

  @Override
  public CampaignProgress resume() {
    state = CampaignStates.RUNNING;
    return awaitApplied();
  }

  @Override
  public void validateAddBatch(AddBatch batch) {
    requireOpen();
    if (batch == null || batch.batchId() == null || batch.settings() == null) {
      throw new IllegalArgumentException("a batch id and its settings are required");
    }
    if (batches.containsKey(batch.batchId())) {
      throw new IllegalArgumentException("batch " + batch.batchId() + " is already part of the campaign");
    }
  }

  @Override
  public CampaignProgress addBatch(AddBatch batch) {
    batches.put(batch.batchId(), CampaignBatch.attached(batch.batchId(), batch.settings()));
    return awaitApplied();
  }

  @Override
  public void cancel(String reason) {
    if (!cancelled) {
      cancelled = true;
      cancelReason = reason == null || reason.isBlank() ? "cancelled" : reason;
      commands++;
    }
  }

  private void requireOpen() {
    if (cancelled || finishing) {
      throw new IllegalStateException("the campaign has ended");
    }
  }

  /** Handlers change the wanted state; the main loop applies it to the batches, then the handler answers. */
  private CampaignProgress awaitApplied() {
    int mine = ++commands;
    Workflow.await(() -> applied >= mine || closing);
    return progress();
  }

  /** Holds the batches until the window opens; false on a cancel. */
  private boolean awaitWindow() {
    while (!cancelled) {
      int seen = commands;
      reconcile();
      applied = seen;
      long wait = window.start().toEpochMilli() - Workflow.currentTimeMillis();
      if (wait <= 0) {
        return true;
      }
      Workflow.await(Duration.ofMillis(wait), () -> cancelled || commands != seen);
    }
    return false;
  }

  private void runWindow() {
    log.info("Campaign {} window of {} opens", campaignId, window.date());
    while (!cancelled) {
      int seen = commands;
      if (dailyQuota > 0 && !quotaReached && startedToday() >= dailyQuota) {
        quotaReached = true;
        log.info("Campaign {} reached its daily quota of {} on {}", campaignId, dailyQuota, window.date());
      }
      reconcile();
      applied = seen;
      long untilEnd = window.end().toEpochMilli() - Workflow.currentTimeMillis();
      if (allDone() || untilEnd <= 0) {
        return;
      }
      Workflow.await(Duration.ofMillis(Math.min(untilEnd, nextPollMillis())), () -> cancelled || commands != seen);
      refreshActive();
    }
  }

  private boolean wantActive() {
    return inWindow && !cancelled && !quotaReached && CampaignStates.RUNNING.equals(state);
  }

  /** When the quota could at the earliest be reached at the active batches' pace; at most {@link #MAX_POLL}. */
  private long nextPollMillis() {
    if (!wantActive()) {
      return Long.MAX_VALUE;
    }
    if (dailyQuota <= 0) {
      return MAX_POLL.toMillis();
    }
    double pace = batches.values().stream().filter(b -> ACTIVE.equals(b.status()))
        .mapToDouble(b -> b.settings().callsPerSecond()).sum();
    if (pace <= 0) {
      return MAX_POLL.toMillis();
    }
    double seconds = (dailyQuota - startedToday() - 1) / pace;
    return Math.max(MIN_POLL.toMillis(), Math.min(MAX_POLL.toMillis(), (long) (seconds * 1000)));
  }

  /** Brings every open batch to the wanted state: active inside an unpaused window under quota, held otherwise. */
  private void reconcile() {
    boolean active = wantActive();
    for (CampaignBatch batch : List.copyOf(batches.values())) {
      if (batch.done()) {
        continue;
      }
      if (active && !ACTIVE.equals(batch.status())) {
        activate(batch);
      } else if (!active && !HELD.equals(batch.status())) {
        hold(batch);
      }
    }
    mirrorState();
  }

  private void activate(CampaignBatch batch) {
    BatchProgress progress;
    try {
      progress = batch.launched() ? control.releaseBatch(batch.batchId())
          : control.startBatch(new BatchStart(orgId, campaignId, batch.batchId(), batch.settings()));
    } catch (ActivityFailure e) {
      log.warn("Campaign {}: batch {} could not be started or released; will try again", campaignId, batch.batchId());
      return;
    }
    if (progress != null && progress.paused() && !batch.launched()) {
      progress = releaseAdopted(batch);
      if (progress == null) {
        return;
      }
    }
    dayBase.putIfAbsent(batch.batchId(), progress == null ? batch.started() : progress.started());
    seen(batch, progress, ACTIVE);
  }

  /** A batch found already started (and held) when the campaign meant to start it. */
  private BatchProgress releaseAdopted(CampaignBatch batch) {
    try {
      return control.releaseBatch(batch.batchId());
    } catch (ActivityFailure e) {
      log.warn("Campaign {}: batch {} could not be released; will try again", campaignId, batch.batchId());
      return null;
    }
  }

  private void hold(CampaignBatch batch) {
    try {
      seen(batch, control.holdBatch(batch.batchId()), HELD);
    } catch (ActivityFailure e) {
      log.warn("Campaign {}: batch {} could not be held; will try again", campaignId, batch.batchId());
    }
  }

  /** Records what the batch's progress says; a batch that has no workflow is only held (not started) yet. */
  private void seen(CampaignBatch batch, BatchProgress progress, String wanted) {
    CampaignBatch now;
    if (progress == null) {
      now = batch.launched() ? new CampaignBatch(batch.batchId(), batch.settings(), true, "completed", batch.started(),
          batch.finished()) : new CampaignBatch(batch.batchId(), batch.settings(), false, HELD, 0, 0);
    } else {
      String status = "completed".equals(progress.status()) || "cancelled".equals(progress.status())
          ? progress.status() : wanted;
      now = new CampaignBatch(batch.batchId(), batch.settings(), true, status, progress.started(), progress.finished());
    }
    batches.put(batch.batchId(), now);
  }

  private void refreshActive() {
    for (CampaignBatch batch : List.copyOf(batches.values())) {
      if (ACTIVE.equals(batch.status())) {
        try {
          seen(batch, control.batchProgress(batch.batchId()), ACTIVE);
        } catch (ActivityFailure e) {
          log.warn("Campaign {}: progress of batch {} not read", campaignId, batch.batchId());
        }
      }
    }
  }

  private boolean allDone() {
    return !batches.isEmpty() && batches.values().stream().allMatch(CampaignBatch::done);
  }

  private int startedToday() {
    int sum = 0;
    for (CampaignBatch batch : batches.values()) {
      Integer base = dayBase.get(batch.batchId());
      if (base != null) {
        sum += Math.max(0, batch.started() - base);
      }
    }
    return sum;
  }

  private int startedTotal() {
    return batches.values().stream().mapToInt(CampaignBatch::started).sum();
  }

  private void rollUp() {
    try {
      activities.recordDay(new DayRollup(orgId, campaignId, window.date().toString(), schedule.timeZone(),
          startedToday(), List.copyOf(batches.keySet())));
    } catch (ActivityFailure e) {
      log.warn("Campaign {}: the roll-up of {} was not recorded", campaignId, window.date());
    }
  }

  /** Ends the campaign; batches still open are cancelled so none stays held for ever. */
  private CampaignProgress end(String finalState, String reason) {
    finishing = true;
    closing = true;
    List<String> signalled = new ArrayList<>();
    for (CampaignBatch batch : List.copyOf(batches.values())) {
      if (batch.done()) {
        continue;
      }
      if (batch.launched()) {
        cancelBatch(batch.batchId(), reason);
        signalled.add(batch.batchId().toString());
      }
      batches.put(batch.batchId(), new CampaignBatch(batch.batchId(), batch.settings(), batch.launched(), "cancelled",
          batch.started(), batch.finished()));
    }
    if (!signalled.isEmpty()) {
      log.info("Campaign {} {}: cancelled {} open batches", campaignId, finalState, signalled.size());
    }
    state = finalState;
    mirrorState();
    Workflow.await(Workflow::isEveryHandlerFinished);
    return progress();
  }

  private void cancelBatch(UUID batchId, String reason) {
    CallBatchWorkflow batch =
        Workflow.newExternalWorkflowStub(CallBatchWorkflow.class, CallIds.batchWorkflowId(batchId));
    try {
      batch.cancel(reason);
    } catch (SignalExternalWorkflowException | ApplicationFailure e) {
      log.info("Campaign {}: batch {} had already ended", campaignId, batchId);
    }
  }

  private void mirrorState() {
    if (state.equals(mirrored)) {
      return;
    }
    mirrored = state;
    if (!state.equals(Workflow.getTypedSearchAttributes().get(VoceroSearchAttributes.STATUS))) {
      Workflow.upsertTypedSearchAttributes(VoceroSearchAttributes.STATUS.valueSet(state));
    }
    try {
      activities.recordState(new StateChange(orgId, campaignId, state, startedTotal()));
    } catch (ActivityFailure e) {
      log.warn("Campaign {} state {} not mirrored to PostgreSQL", campaignId, state);
    }
  }

  private void continueAsNew() {
    closing = true;
    Workflow.await(Workflow::isEveryHandlerFinished);
    Workflow.continueAsNew(new CampaignInput(orgId, campaignId, schedule, dailyQuota, List.copyOf(batches.values()),
        state, daysRunBefore + 1, window.date().toString()));
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
