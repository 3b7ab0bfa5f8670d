package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchStatus;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.BOGOTA;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.ORG;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.WEEKDAYS;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.batch;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.schedule;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingInt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.CallBatchInput;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.campaigns.CampaignActivities.DayRollup;
import dev.vocero.workflows.campaigns.CampaignActivities.StateChange;
import dev.vocero.workflows.campaigns.SimulatedBatchWorkflow.Start;
import dev.vocero.workflows.common.TaskQueues;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

@org.junit.jupiter.api.Timeout(180)
class CampaignWorkflowTest {

  @RegisterExtension
  final TestWorkflowExtension temporal = CampaignTestSupport.extension();

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private CampaignActivities activities;
  private final UUID campaignId = UUID.randomUUID();

  @BeforeEach
  void setUp(TestWorkflowEnvironment env) {
    this.env = env;
    SimulatedBatchWorkflow.STARTS.clear();
    SimulatedBatchWorkflow.chunk = 1;
    SimulatedBatchWorkflow.recordEachStart = true;
    activities = mock(CampaignActivities.class, withSettings().withoutAnnotations());
    CampaignTestSupport.start(env, activities);
    client = env.getWorkflowClient();
  }

  @Test
  void givenA30DayCampaignWithTwoBatches_whenItRuns_itShouldStartCallsOnlyInWeekdayWindowsAndWithinTheDailyQuota() {
    CampaignBatch a = batch(60, 0.2);
    CampaignBatch b = batch(60, 0.1);
    int quota = 6;
    CampaignInput input = CampaignInput.first(ORG, campaignId,
        schedule("2026-03-02", "2026-03-31", WEEKDAYS, "09:00", "12:00"), quota, List.of(a, b));
    CampaignWorkflow campaign = CampaignTestSupport.stub(client, campaignId);

    WorkflowClient.start(campaign::run, input);
    CampaignProgress result = WorkflowStub.fromTyped(campaign).getResult(CampaignProgress.class);

    assertEquals(CampaignState.COMPLETED, result.state());
    List<Start> starts = starts(a.batchId(), b.batchId());
    assertEquals(120, starts.size(), "every contact of both batches is started");
    for (Start start : starts) {
      ZonedDateTime local = Instant.ofEpochMilli(start.atMillis()).atZone(BOGOTA);
      assertTrue(local.getDayOfWeek().getValue() <= 5, "weekday only: " + local);
      assertFalse(local.toLocalTime().isBefore(LocalTime.of(9, 0)), "not before the window: " + local);
      assertTrue(local.toLocalTime().isBefore(LocalTime.of(12, 0)), "not after the window: " + local);
    }
    Map<LocalDate, Integer> perDay = starts.stream().collect(groupingBy(
        s -> Instant.ofEpochMilli(s.atMillis()).atZone(BOGOTA).toLocalDate(), java.util.TreeMap::new,
        summingInt(Start::count)));
    // documented bound: each active batch may start one contact in the last poll interval before the hold
    perDay.values().forEach(n -> assertTrue(n >= quota - 2 && n <= quota + 1, "daily starts " + perDay));
    assertTrue(perDay.size() >= 19 && perDay.size() <= 21, "about 120/6 weekdays: " + perDay.keySet());
    assertTrue(perDay.keySet().stream().noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY
        || d.getDayOfWeek() == DayOfWeek.SUNDAY));

    ArgumentCaptor<DayRollup> days = ArgumentCaptor.forClass(DayRollup.class);
    verify(activities, atLeastOnce()).recordDay(days.capture());
    Map<String, Integer> rolled = new java.util.TreeMap<>();
    days.getAllValues().forEach(d -> rolled.put(d.date(), d.callsStarted()));
    perDay.forEach((day, n) -> assertEquals(n, rolled.get(day.toString()), "roll-up of " + day));
    assertEquals(result.daysRun() + 1, rolled.size(), "one run per day, one roll-up per day");
    assertEquals(120, result.startedTotal());
  }

  @Test
  void givenARunningCampaign_whenPausedBeforeMidnightAndResumedNextDay_itShouldStartNothingInBetween() {
    CampaignBatch a = batch(10_000, 0.005);
    CampaignInput input = CampaignInput.first(ORG, campaignId,
        schedule("2026-03-02", "2026-03-31", List.of("MONDAY", "TUESDAY", "WEDNESDAY"), "09:00", "17:00"), 0,
        List.of(a));
    CampaignWorkflow campaign = CampaignTestSupport.stub(client, campaignId);
    WorkflowClient.start(campaign::run, input);

    assertThrows(WorkflowUpdateException.class, campaign::pause, "a scheduled campaign cannot be paused yet");
    sleepUntil(LocalDateTime.of(2026, 3, 2, 10, 0));
    assertEquals(CampaignState.RUNNING, campaign.progress().state());
    assertThrows(WorkflowUpdateException.class, campaign::resume, "a running campaign cannot be resumed");
    CampaignProgress paused = campaign.pause();
    assertEquals(CampaignState.PAUSED, paused.state());
    long pausedAt = env.currentTimeMillis();
    int startedBeforePause = starts(a.batchId()).size();
    assertTrue(startedBeforePause > 0);
    assertTrue(client.newWorkflowStub(CallBatchWorkflow.class, CallIds.batchWorkflowId(a.batchId())).progress().paused());

    sleepUntil(LocalDateTime.of(2026, 3, 3, 11, 0));
    assertEquals(CampaignState.PAUSED, campaign.progress().state(), "still paused the next day");
    assertEquals("2026-03-03", campaign.progress().day());
    assertEquals(startedBeforePause, starts(a.batchId()).size(), "nothing started while paused");
    long resumedAt = env.currentTimeMillis();
    campaign.resume();
    sleepUntil(LocalDateTime.of(2026, 3, 3, 11, 30));

    List<Start> all = starts(a.batchId());
    assertTrue(all.size() > startedBeforePause, "calls start again after the resume");
    assertTrue(all.stream().noneMatch(s -> s.atMillis() > pausedAt && s.atMillis() < resumedAt));
    ArgumentCaptor<DayRollup> days = ArgumentCaptor.forClass(DayRollup.class);
    verify(activities, atLeastOnce()).recordDay(days.capture());
    assertEquals("2026-03-02", days.getValue().date());
    assertEquals(startedBeforePause, days.getValue().callsStarted());
    ArgumentCaptor<StateChange> states = ArgumentCaptor.forClass(StateChange.class);
    verify(activities, atLeastOnce()).recordState(states.capture());
    assertEquals(List.of("scheduled", "running", "paused", "running"), collapse(states.getAllValues()));
  }

  @Test
  void givenACampaignInItsWindow_whenCancelled_itShouldCancelItsBatchesAndEnd() {
    CampaignBatch a = batch(100, 0.05);
    CampaignBatch b = batch(100, 0.05);
    CampaignWorkflow campaign = CampaignTestSupport.stub(client, campaignId);
    WorkflowClient.start(campaign::run, CampaignInput.first(ORG, campaignId,
        schedule("2026-03-02", "2026-03-31", WEEKDAYS, "09:00", "17:00"), 10, List.of(a, b)));
    sleepUntil(LocalDateTime.of(2026, 3, 3, 10, 0));

    WorkflowStub.fromTyped(campaign).signal("cancel", "stop it");
    CampaignProgress result = WorkflowStub.fromTyped(campaign).getResult(CampaignProgress.class);

    assertEquals(CampaignState.CANCELLED, result.state());
    for (CampaignBatch batch : List.of(a, b)) {
      BatchProgress progress = WorkflowStub.fromTyped(
          client.newWorkflowStub(CallBatchWorkflow.class, CallIds.batchWorkflowId(batch.batchId())))
          .getResult(BatchProgress.class);
      assertEquals(BatchStatus.CANCELLED, progress.status());
    }
    assertTrue(starts(a.batchId(), b.batchId()).stream().mapToInt(Start::count).sum() <= 2 * 11,
        "two days' quota (10, plus the documented bound) before the cancel in day two's first hour");
  }

  @Test
  void givenAManyDayCampaign_whenItContinuesAsNewDaily_itShouldKeepItsStateAndAShortHistory() {
    CampaignBatch a = batch(5_000, 0.2);
    CampaignWorkflow campaign = CampaignTestSupport.stub(client, campaignId);
    WorkflowClient.start(campaign::run, CampaignInput.first(ORG, campaignId,
        schedule("2026-03-02", "2026-08-31", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY"), "08:00", "20:00"), 4, List.of(a)));
    sleepUntil(LocalDateTime.of(2026, 3, 12, 7, 0));

    CampaignProgress progress = campaign.progress();
    assertEquals(10, progress.daysRun(), "ten windows run, one run each");
    assertEquals(starts(a.batchId()).size(), progress.startedTotal(), "the counter crossed every run");
    assertEquals(CampaignState.RUNNING, progress.state());
    assertEquals("2026-03-12", progress.day());
    int events = client.fetchHistory(CampaignIds.campaignWorkflowId(campaignId)).getHistory().getEventsCount();
    assertTrue(events < 200, "the current run's history stays short: " + events);

    CampaignBatch extra = batch(3, 1);
    CampaignProgress added = campaign.addBatch(new AddBatch(extra.batchId(), extra.settings()));
    assertTrue(added.batches().stream().anyMatch(x -> x.batchId().equals(extra.batchId())));
    assertThrows(WorkflowUpdateException.class, () -> campaign.addBatch(new AddBatch(extra.batchId(),
        extra.settings())), "the same batch twice is refused");
    sleepUntil(LocalDateTime.of(2026, 3, 12, 9, 0));
    assertEquals(3, starts(extra.batchId()).size(), "a batch added at night runs in the next window");
    starts(extra.batchId()).forEach(s -> assertTrue(
        Instant.ofEpochMilli(s.atMillis()).atZone(BOGOTA).toLocalTime().isAfter(LocalTime.of(7, 59))));
  }

  @Test
  void givenABatchAlreadyRunning_whenAttachedToAScheduledCampaign_itShouldBeHeldUntilTheWindow() {
    CampaignBatch a = batch(100, 0.02);
    CallBatchWorkflow existing = client.newWorkflowStub(CallBatchWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(CallIds.batchWorkflowId(a.batchId())).setTaskQueue(TaskQueues.WORKFLOWS).build());
    WorkflowClient.start(existing::run, CallBatchInput.first(ORG, a.batchId(), a.settings()));
    env.sleep(Duration.ofMinutes(1));
    int before = starts(a.batchId()).size();
    assertTrue(before > 0);

    CampaignWorkflow campaign = CampaignTestSupport.stub(client, campaignId);
    WorkflowClient.start(campaign::run, CampaignInput.first(ORG, campaignId,
        schedule("2026-03-02", "2026-03-31", WEEKDAYS, "09:00", "17:00"), 0, List.of(a)));
    sleepUntil(LocalDateTime.of(2026, 3, 2, 8, 59));
    int held = starts(a.batchId()).size();
    assertTrue(held <= before + 2, "held once the campaign was scheduled");
    sleepUntil(LocalDateTime.of(2026, 3, 2, 9, 10));
    assertTrue(starts(a.batchId()).size() > held, "released when the window opened");
    assertEquals(0, client.fetchHistory(CampaignIds.campaignWorkflowId(campaignId)).getHistory().getEventsList()
        .stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED).count(),
        "the campaign found the batch running when it held it, and adopted it instead of starting it");
  }

  private void sleepUntil(LocalDateTime local) {
    long target = local.atZone(BOGOTA).toInstant().toEpochMilli();
    env.sleep(Duration.ofMillis(target - env.currentTimeMillis()));
  }

  private static List<Start> starts(UUID... batchIds) {
    Set<UUID> ids = Set.of(batchIds);
    List<Start> out = new ArrayList<>();
    SimulatedBatchWorkflow.STARTS.stream().filter(s -> ids.contains(s.batchId())).forEach(out::add);
    return out;
  }

  private static List<String> collapse(List<StateChange> changes) {
    List<String> out = new ArrayList<>();
    for (StateChange change : changes) {
      if (out.isEmpty() || !out.get(out.size() - 1).equals(change.state().wire())) {
        out.add(change.state().wire());
      }
    }
    return out;
  }
}
