package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.campaigns.CampaignActivities.DayRollup;
import dev.vocero.workflows.campaigns.CampaignActivities.StateChange;
import dev.vocero.workflows.campaigns.CampaignBatchActivities.BatchStart;
import dev.vocero.workflows.campaigns.CampaignCalendar.Window;
import dev.vocero.workflows.campaigns.CampaignWaveActivities.WaveStart;
import dev.vocero.workflows.messaging.MessageWaveWorkflow;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.WaveProgress;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 *
 * <p>Message waves are held and released the same way, each against its channel's daily quota; a wave that picks its
 * recipients by call outcome waits until its source batch has ended. When a batch or a wave pauses itself for lack
 * of credit, the whole campaign pauses with reason {@code no_credit} until a person resumes it (after a top-up);
 * it is not released again at the next window, which would spend one failed contact per window.
 */
public final class CampaignWorkflowImpl implements CampaignWorkflow {

  static final Duration MIN_POLL = Duration.ofSeconds(1);
  static final Duration MAX_POLL = Duration.ofMinutes(10);
  static final String NEW = "new";
  static final String HELD = "held";
  static final String ACTIVE = "active";
  static final String NO_CREDIT = "no_credit";

  private static final Logger log = Workflow.getLogger(CampaignWorkflowImpl.class);

  private final CampaignActivities activities =
      Workflow.newActivityStub(CampaignActivities.class, CampaignActivityOptions.io());
  private final CampaignBatchActivities control =
      Workflow.newActivityStub(CampaignBatchActivities.class, CampaignActivityOptions.io());
  private final CampaignWaveActivities waveControl =
      Workflow.newActivityStub(CampaignWaveActivities.class, CampaignActivityOptions.io());
  private final UUID orgId;
  private final UUID campaignId;
  private final CampaignSchedule schedule;
  private final CampaignCalendar calendar;
  private final int dailyQuota;
  private final Map<UUID, CampaignBatch> batches = new LinkedHashMap<>();
  private final Map<UUID, Integer> dayBase = new HashMap<>();
  private final Map<UUID, CampaignWave> waves = new LinkedHashMap<>();
  private final Map<UUID, Integer> waveDayBase = new HashMap<>();
  private final Map<String, Integer> messageQuotas;
  private final Set<String> quotaReachedChannels = new TreeSet<>();
  private String pauseReason;
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
    if (input.waves() != null) {
      input.waves().forEach(w -> waves.put(w.waveId(), w));
    }
    this.messageQuotas = input.messageQuotas() == null ? Map.of() : new TreeMap<>(input.messageQuotas());
    this.pauseReason = input.pauseReason();
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
    refreshWaves();
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
        dailyQuota, startedToday(), quotaReached, startedTotal(), daysRunBefore, List.copyOf(batches.values()),
        List.copyOf(waves.values()), messageQuotas, sentToday(), List.copyOf(quotaReachedChannels), pauseReason);
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
    pauseReason = null;
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
    pauseReason = null;
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
  public void validateAddWave(CampaignWave wave) {
    requireOpen();
    if (wave == null || wave.waveId() == null || wave.channel() == null || wave.perMinute() < 1) {
      throw new IllegalArgumentException("a wave id, its channel and its pace are required");
    }
    if (waves.containsKey(wave.waveId())) {
      throw new IllegalArgumentException("wave " + wave.waveId() + " is already part of the campaign");
    }
  }

  @Override
  public CampaignProgress addWave(CampaignWave wave) {
    waves.put(wave.waveId(), CampaignWave.attached(wave.waveId(), wave.channel(), wave.perMinute(),
        wave.sourceBatchId(), wave.afterBatch()));
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
      checkMessageQuotas();
      reconcile();
      applied = seen;
      long untilEnd = window.end().toEpochMilli() - Workflow.currentTimeMillis();
      if (allDone() || untilEnd <= 0) {
        return;
      }
      Workflow.await(Duration.ofMillis(Math.min(untilEnd, nextPollMillisAll())), () -> cancelled || commands != seen);
      refreshActive();
    }
  }

  private boolean wantActive() {
    return inWindow && !cancelled && !quotaReached && CampaignStates.RUNNING.equals(state);
  }

  /** A wave runs inside an unpaused window under its channel's quota, once its source batch allows it. */
  private boolean wantActive(CampaignWave wave) {
    if (!inWindow || cancelled || !CampaignStates.RUNNING.equals(state)
        || quotaReachedChannels.contains(wave.channel())) {
      return false;
    }
    if (!wave.afterBatch() || wave.sourceBatchId() == null) {
      return true;
    }
    CampaignBatch source = batches.get(wave.sourceBatchId());
    return source == null || source.done();
  }

  private void checkMessageQuotas() {
    Map<String, Integer> sent = sentToday();
    messageQuotas.forEach((channel, quota) -> {
      if (quota != null && quota > 0 && !quotaReachedChannels.contains(channel)
          && sent.getOrDefault(channel, 0) >= quota) {
        quotaReachedChannels.add(channel);
        log.info("Campaign {} reached its daily {} quota of {} on {}", campaignId, channel, quota, window.date());
      }
    });
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

  /** {@link #nextPollMillis()} for the batches, and the same for each message channel with active waves. */
  private long nextPollMillisAll() {
    long poll = nextPollMillis();
    if (waves.isEmpty()) {
      return poll;
    }
    Map<String, Integer> sent = sentToday();
    Map<String, Double> pacePerChannel = new TreeMap<>();
    boolean waiting = false;
    for (CampaignWave wave : waves.values()) {
      if (ACTIVE.equals(wave.status())) {
        pacePerChannel.merge(wave.channel(), wave.perMinute() / 60.0, Double::sum);
      } else if (!wave.done() && wantActiveLater(wave)) {
        waiting = true; // its source batch may end: look again
      }
    }
    for (Map.Entry<String, Double> channel : pacePerChannel.entrySet()) {
      Integer quota = messageQuotas.get(channel.getKey());
      long channelPoll = MAX_POLL.toMillis();
      if (quota != null && quota > 0) {
        double seconds = (quota - sent.getOrDefault(channel.getKey(), 0) - 1) / channel.getValue();
        channelPoll = Math.max(MIN_POLL.toMillis(), Math.min(MAX_POLL.toMillis(), (long) (seconds * 1000)));
      }
      poll = Math.min(poll, channelPoll);
    }
    return waiting ? Math.min(poll, MAX_POLL.toMillis()) : poll;
  }

  private boolean wantActiveLater(CampaignWave wave) {
    return inWindow && !cancelled && CampaignStates.RUNNING.equals(state)
        && !quotaReachedChannels.contains(wave.channel());
  }

  /** Brings every open batch to the wanted state: active inside an unpaused window under quota, held otherwise. */
  private void reconcile() {
    for (CampaignBatch batch : List.copyOf(batches.values())) {
      if (batch.done()) {
        continue;
      }
      boolean active = wantActive(); // a batch found out of credit pauses the campaign on the way
      if (active && !ACTIVE.equals(batch.status())) {
        activate(batch);
      } else if (!active && !HELD.equals(batch.status())) {
        hold(batch);
      }
    }
    for (CampaignWave wave : List.copyOf(waves.values())) {
      if (wave.done()) {
        continue;
      }
      boolean waveActive = wantActive(wave);
      if (waveActive && !ACTIVE.equals(wave.status())) {
        activate(wave);
      } else if (!waveActive && !HELD.equals(wave.status())) {
        hold(wave);
      }
    }
    mirrorState();
  }

  private void activate(CampaignWave wave) {
    WaveProgress progress;
    try {
      progress = wave.launched() ? waveControl.releaseWave(wave.waveId())
          : waveControl.startWave(new WaveStart(orgId, campaignId, wave.waveId(), wave.perMinute()));
    } catch (ActivityFailure e) {
      log.warn("Campaign {}: wave {} could not be started or released; will try again", campaignId, wave.waveId());
      return;
    }
    // the count before the release: the wave may already have sent again by the time its resume answers
    waveDayBase.putIfAbsent(wave.waveId(), wave.launched() || progress == null ? wave.sent() : progress.sent());
    if (!wave.launched() && progress != null && WaveProgress.PAUSED.equals(progress.status())
        && !WaveProgress.NO_CREDIT.equals(progress.pauseReason())) {
      try {
        progress = waveControl.releaseWave(wave.waveId()); // found already started, held: adopt it
      } catch (ActivityFailure e) {
        log.warn("Campaign {}: wave {} could not be released; will try again", campaignId, wave.waveId());
        waves.put(wave.waveId(), wave.with(true, HELD, progress.sent(), progress.skipped(), progress.failed()));
        return;
      }
    }
    seen(wave, progress, ACTIVE);
  }

  private void hold(CampaignWave wave) {
    if (!wave.launched()) {
      waves.put(wave.waveId(), wave.with(false, HELD, 0, 0, 0)); // nothing runs yet: nothing to pause
      return;
    }
    try {
      seen(wave, waveControl.holdWave(wave.waveId()), HELD);
    } catch (ActivityFailure e) {
      log.warn("Campaign {}: wave {} could not be held; will try again", campaignId, wave.waveId());
    }
  }

  private void seen(CampaignWave wave, WaveProgress progress, String wanted) {
    if (progress == null) {
      waves.put(wave.waveId(), wave.launched() ? wave.with(true, "completed", wave.sent(), wave.skipped(),
          wave.failed()) : wave.with(false, HELD, 0, 0, 0));
      return;
    }
    String status = WaveProgress.COMPLETED.equals(progress.status()) || WaveProgress.CANCELLED.equals(progress.status())
        ? progress.status() : wanted;
    waves.put(wave.waveId(), wave.with(true, status, progress.sent(), progress.skipped(), progress.failed()));
    if (WaveProgress.PAUSED.equals(progress.status()) && WaveProgress.NO_CREDIT.equals(progress.pauseReason())) {
      pauseForCredit("wave " + wave.waveId());
    }
  }

  /**
   * A batch or wave ran out of credit: the campaign pauses, so the next window does not release it to fail one
   * more contact; a person resumes the campaign after topping up.
   */
  private void pauseForCredit(String what) {
    if (!CampaignStates.RUNNING.equals(state)) {
      return;
    }
    state = CampaignStates.PAUSED;
    pauseReason = NO_CREDIT;
    log.info("Campaign {} paused: {} has no credit left", campaignId, what);
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
    if (progress != null && progress.paused() && NO_CREDIT.equals(progress.pauseReason())) {
      pauseForCredit("batch " + batch.batchId());
    }
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
    for (CampaignWave wave : List.copyOf(waves.values())) {
      if (ACTIVE.equals(wave.status())) {
        try {
          seen(wave, waveControl.waveProgress(wave.waveId()), ACTIVE);
        } catch (ActivityFailure e) {
          log.warn("Campaign {}: progress of wave {} not read", campaignId, wave.waveId());
        }
      }
    }
  }

  /**
   * Reads every started wave again before the roll-up: a message in flight when its wave was held is counted by the
   * wave only once it returns.
   */
  private void refreshWaves() {
    for (CampaignWave wave : List.copyOf(waves.values())) {
      if (wave.launched() && !wave.done()) {
        try {
          seen(wave, waveControl.waveProgress(wave.waveId()), wave.status());
        } catch (ActivityFailure e) {
          log.warn("Campaign {}: progress of wave {} not read", campaignId, wave.waveId());
        }
      }
    }
  }

  private boolean allDone() {
    return !batches.isEmpty() && batches.values().stream().allMatch(CampaignBatch::done)
        && waves.values().stream().allMatch(CampaignWave::done);
  }

  /** Messages sent per channel in this window. */
  private Map<String, Integer> sentToday() {
    Map<String, Integer> sent = new TreeMap<>();
    for (CampaignWave wave : waves.values()) {
      Integer base = waveDayBase.get(wave.waveId());
      if (base != null) {
        sent.merge(wave.channel(), Math.max(0, wave.sent() - base), Integer::sum);
      }
    }
    return sent;
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
          startedToday(), List.copyOf(batches.keySet()),
          sentToday().values().stream().mapToInt(Integer::intValue).sum(), List.copyOf(waves.keySet())));
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
    for (CampaignWave wave : List.copyOf(waves.values())) {
      if (wave.done()) {
        continue;
      }
      if (wave.launched()) {
        cancelWave(wave.waveId(), reason);
        signalled.add(wave.waveId().toString());
      }
      waves.put(wave.waveId(), wave.with(wave.launched(), "cancelled", wave.sent(), wave.skipped(), wave.failed()));
    }
    if (!signalled.isEmpty()) {
      log.info("Campaign {} {}: cancelled {} open batches and waves", campaignId, finalState, signalled.size());
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

  private void cancelWave(UUID waveId, String reason) {
    MessageWaveWorkflow wave =
        Workflow.newExternalWorkflowStub(MessageWaveWorkflow.class, MessagingIds.waveWorkflowId(waveId));
    try {
      wave.cancel(reason);
    } catch (SignalExternalWorkflowException | ApplicationFailure e) {
      log.info("Campaign {}: wave {} had already ended", campaignId, waveId);
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
      activities.recordState(new StateChange(orgId, campaignId, state, startedTotal(), pauseReason));
    } catch (ActivityFailure e) {
      log.warn("Campaign {} state {} not mirrored to PostgreSQL", campaignId, state);
    }
  }

  private void continueAsNew() {
    closing = true;
    Workflow.await(Workflow::isEveryHandlerFinished);
    Workflow.continueAsNew(new CampaignInput(orgId, campaignId, schedule, dailyQuota, List.copyOf(batches.values()),
        state, daysRunBefore + 1, window.date().toString(), List.copyOf(waves.values()), messageQuotas, pauseReason));
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
