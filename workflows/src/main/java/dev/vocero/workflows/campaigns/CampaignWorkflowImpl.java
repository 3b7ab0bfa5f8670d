package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.common.WorkflowLabels;
import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.campaigns.CampaignCalendar.Window;
import dev.vocero.workflows.messaging.WaveProgress;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
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
 * <p>Daily quota ({@link CampaignQuota}): the batches' own {@code started} counters (their progress) are read when the
 * quota could at the earliest be reached at the batches' pace, and every batch is held once the day's starts reach the
 * quota. The quota can therefore be passed by at most what the batches start in one poll interval (one second at the
 * end). Message waves ({@link CampaignMembers} holds and releases both) are held against their channel's quota; a wave
 * that picks its recipients by call outcome waits until its source batch has ended.
 */
public final class CampaignWorkflowImpl implements CampaignWorkflow {

  static final String NO_CREDIT = CampaignMembers.NO_CREDIT;

  private static final Logger log = Workflow.getLogger(CampaignWorkflowImpl.class);

  private final CampaignRecords records;
  private final UUID orgId;
  private final UUID campaignId;
  private final CampaignSchedule schedule;
  private final CampaignCalendar calendar;
  private final CampaignQuota quota;
  private final CampaignMembers<CampaignBatch, BatchProgress> batches;
  private final CampaignMembers<CampaignWave, WaveProgress> waves;
  private String pauseReason;
  private final int daysRunBefore;
  private CampaignState state;
  private Window window;
  private boolean inWindow;
  private boolean cancelled;
  private String cancelReason;
  /** The campaign ended: handlers are refused. */
  private boolean finishing;
  /** This run is over (ended or continuing as new): waiting handlers answer now; the next run applies them. */
  private boolean closing;
  private int commands;
  private int applied;
  /** How many member-ended signals arrived: a change wakes the window's wait to read the members at once. */
  private int membersEnded;

  @WorkflowInit
  public CampaignWorkflowImpl(CampaignInput input) {
    this.orgId = input.orgId();
    this.campaignId = input.campaignId();
    this.schedule = input.schedule();
    this.calendar = new CampaignCalendar(input.schedule());
    this.quota = new CampaignQuota(input.dailyQuota(), input.messageQuotas());
    this.batches = new CampaignMembers<>(new BatchControl(orgId, campaignId), input.batches(), campaignId, log,
        this::pauseForCredit);
    this.waves = new CampaignMembers<>(new WaveControl(orgId, campaignId), input.waves(), campaignId, log,
        this::pauseForCredit);
    this.pauseReason = input.pauseReason();
    this.state = input.state();
    this.records = new CampaignRecords(orgId, campaignId, input.daysRun() == 0 ? null : input.state(), log);
    this.daysRunBefore = input.daysRun();
  }

  @Override
  public CampaignProgress run(CampaignInput input) {
    Optional<Window> next = calendar.next(now());
    if (next.isEmpty()) {
      return end(CampaignState.COMPLETED, "campaign ended");
    }
    window = next.get();
    if (!awaitWindow()) {
      return end(CampaignState.CANCELLED, cancelReason);
    }
    openWindow();
    runWindow();
    inWindow = false;
    if (cancelled) {
      rollUp();
      return end(CampaignState.CANCELLED, cancelReason);
    }
    closeWindow();
    if (allDone()) {
      return end(CampaignState.COMPLETED, "campaign ended");
    }
    continueAsNew();
    return progress();
  }

  @Override
  public CampaignProgress progress() {
    return new CampaignProgress(state, window == null ? null : window.date().toString(),
        window == null ? 0 : window.start().toEpochMilli(), window == null ? 0 : window.end().toEpochMilli(),
        quota.calls(), batches.countToday(), quota.callsReached(), batches.countTotal(), daysRunBefore, batches.list(),
        waves.list(), quota.messages(), sentToday(), quota.channelsReached(), pauseReason);
  }

  @Override
  public void validatePause() {
    requireOpen();
    if (state == CampaignState.PAUSED) {
      throw new IllegalStateException("the campaign is already paused");
    }
    if (state == CampaignState.SCHEDULED) {
      throw new IllegalStateException("the campaign has not started yet: it can be paused once its first window opens,"
          + " or cancelled now");
    }
  }

  @Override
  public CampaignProgress pause() {
    state = CampaignState.PAUSED;
    pauseReason = null;
    return awaitApplied();
  }

  @Override
  public void validateResume() {
    requireOpen();
    if (state != CampaignState.PAUSED) {
      throw new IllegalStateException("the campaign is not paused");
    }
  }

  @Override
  public CampaignProgress resume() {
    state = CampaignState.RUNNING;
    pauseReason = null;
    return awaitApplied();
  }

  @Override
  public void validateAddBatch(AddBatch batch) {
    requireOpen();
    if (batch == null || batch.batchId() == null || batch.settings() == null) {
      throw new IllegalArgumentException("a batch id and its settings are required");
    }
    if (batches.contains(batch.batchId())) {
      throw new IllegalArgumentException("batch " + batch.batchId() + " is already part of the campaign");
    }
  }

  @Override
  public CampaignProgress addBatch(AddBatch batch) {
    batches.put(CampaignBatch.attached(batch.batchId(), batch.settings()));
    return awaitApplied();
  }

  @Override
  public void validateAddWave(CampaignWave wave) {
    requireOpen();
    if (wave == null || wave.waveId() == null || wave.channel() == null || wave.perMinute() < 1) {
      throw new IllegalArgumentException("a wave id, its channel and its pace are required");
    }
    if (waves.contains(wave.waveId())) {
      throw new IllegalArgumentException("wave " + wave.waveId() + " is already part of the campaign");
    }
  }

  @Override
  public CampaignProgress addWave(CampaignWave wave) {
    waves.put(CampaignWave.attached(wave.waveId(), wave.channel(), wave.perMinute(), wave.sourceBatchId(),
        wave.afterBatch()));
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

  @Override
  public void memberEnded() {
    membersEnded++;
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

  private void openWindow() {
    inWindow = true;
    if (state == CampaignState.SCHEDULED) {
      state = CampaignState.RUNNING;
    }
    log.info("Campaign {} window of {} opens", campaignId, window.date());
  }

  /** Inside the window: checks the quotas, applies the wanted state, and waits for the next poll or a command. */
  private void runWindow() {
    while (!cancelled) {
      int seen = commands;
      int ended = membersEnded;
      checkQuotas();
      reconcile();
      applied = seen;
      long untilEnd = window.end().toEpochMilli() - Workflow.currentTimeMillis();
      if (allDone() || untilEnd <= 0) {
        return;
      }
      Workflow.await(Duration.ofMillis(Math.min(untilEnd, nextPollMillis())),
          () -> cancelled || commands != seen || membersEnded != ended);
      batches.refreshActive();
      waves.refreshActive();
    }
  }

  /** Holds what the window ended, reads every started wave once more, and records the day. */
  private void closeWindow() {
    reconcile();
    waves.refreshLaunched();
    rollUp();
  }

  private void checkQuotas() {
    if (quota.reachCalls(batches.countToday())) {
      log.info("Campaign {} reached its daily quota of {} on {}", campaignId, quota.calls(), window.date());
    }
    for (String channel : quota.reachChannels(sentToday())) {
      log.info("Campaign {} reached its daily {} quota of {} on {}", campaignId, channel,
          quota.messages().get(channel), window.date());
    }
  }

  /** Brings every open batch and wave to the wanted state, then mirrors the campaign's state. */
  private void reconcile() {
    batches.reconcile(batch -> wantActive());
    waves.reconcile(this::wantActive);
    mirrorState();
  }

  private boolean running() {
    return inWindow && !cancelled && state == CampaignState.RUNNING;
  }

  /** Batches run inside an unpaused window under the call quota. */
  private boolean wantActive() {
    return running() && !quota.callsReached();
  }

  /** A wave runs inside an unpaused window under its channel's quota, once its source batch allows it. */
  private boolean wantActive(CampaignWave wave) {
    if (!wantActiveLater(wave)) {
      return false;
    }
    if (!wave.afterBatch() || wave.sourceBatchId() == null) {
      return true;
    }
    CampaignBatch source = batches.get(wave.sourceBatchId());
    return source == null || source.done();
  }

  private boolean wantActiveLater(CampaignWave wave) {
    return running() && !quota.channelReached(wave.channel());
  }

  /** The earliest moment a quota could be reached at the active members' pace; sooner while a wave waits. */
  private long nextPollMillis() {
    long poll = wantActive() ? quota.callPollMillis(batches.countToday(), batches.all()) : Long.MAX_VALUE;
    if (waves.isEmpty()) {
      return poll;
    }
    poll = Math.min(poll, quota.messagePollMillis(sentToday(), waves.all()));
    // a wave waiting for its source batch may be released when that batch ends: look again
    boolean waiting = waves.all().stream().anyMatch(w -> !w.done() && w.status() != MemberStatus.ACTIVE
        && wantActiveLater(w));
    return waiting ? Math.min(poll, CampaignQuota.MAX_POLL_MILLIS) : poll;
  }

  /**
   * A batch or wave ran out of credit: the campaign pauses, so the next window does not release it to fail one
   * more contact; a person resumes the campaign after topping up.
   */
  private void pauseForCredit(String what) {
    if (state != CampaignState.RUNNING) {
      return;
    }
    state = CampaignState.PAUSED;
    pauseReason = NO_CREDIT;
    log.info("Campaign {} paused: {} has no credit left", campaignId, what);
  }

  private boolean allDone() {
    return !batches.isEmpty() && batches.allDone() && waves.allDone();
  }

  /** Messages sent per channel in this window. */
  private Map<String, Integer> sentToday() {
    return waves.countTodayBy(w -> w.channel().wire());
  }

  private void rollUp() {
    records.day(window.date().toString(), schedule.timeZone(), batches.countToday(), batches.ids(),
        sentToday().values().stream().mapToInt(Integer::intValue).sum(), waves.ids());
  }

  /** Ends the campaign; batches and waves still open are cancelled so none stays held for ever. */
  private CampaignProgress end(CampaignState finalState, String reason) {
    finishing = true;
    closing = true;
    int signalled = batches.cancelOpen(reason) + waves.cancelOpen(reason);
    if (signalled > 0) {
      log.info("Campaign {} {}: cancelled {} open batches and waves", campaignId, finalState, signalled);
    }
    state = finalState;
    mirrorState();
    Workflow.await(Workflow::isEveryHandlerFinished);
    return progress();
  }

  private void mirrorState() {
    records.state(state, batches.countTotal(), pauseReason);
  }

  private void continueAsNew() {
    closing = true;
    Workflow.await(Workflow::isEveryHandlerFinished);
    Workflow.continueAsNew(WorkflowLabels.carriedOn(), new CampaignInput(orgId, campaignId, schedule, quota.calls(), batches.list(), state,
        daysRunBefore + 1, window.date().toString(), waves.list(), quota.messages(), pauseReason));
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
