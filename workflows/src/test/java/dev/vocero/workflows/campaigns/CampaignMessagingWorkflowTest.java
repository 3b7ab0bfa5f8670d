package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.messaging.Channel;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.ORG;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.WEEKDAYS;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.batch;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.schedule;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingInt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import dev.vocero.workflows.campaigns.CampaignActivities.DayRollup;
import dev.vocero.workflows.campaigns.CampaignActivities.StateChange;
import dev.vocero.workflows.campaigns.SimulatedBatchWorkflow.Start;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

/** Campaigns with message waves (windows, per-channel quotas, waves after their batch) and running out of credit. */
@org.junit.jupiter.api.Timeout(240)
class CampaignMessagingWorkflowTest {

  @RegisterExtension
  final TestWorkflowExtension temporal = CampaignTestSupport.extension();

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private CampaignActivities activities;
  private RecordingMessenger messenger;
  private final UUID campaignId = UUID.randomUUID();

  @BeforeEach
  void setUp(TestWorkflowEnvironment env) {
    this.env = env;
    SimulatedBatchWorkflow.STARTS.clear();
    SimulatedBatchWorkflow.CAMPAIGN_OF.clear();
    SimulatedBatchWorkflow.chunk = 1;
    SimulatedBatchWorkflow.recordEachStart = true;
    activities = mock(CampaignActivities.class, withSettings().withoutAnnotations());
    messenger = new RecordingMessenger(env);
    CampaignTestSupport.start(env, activities, messenger);
    client = env.getWorkflowClient();
  }

  /**
   * Two call batches and two SMS waves over 30 days: the first wave runs beside the calls, the second messages the
   * second batch's contacts only once that batch has ended. Bogotá has no daylight saving time, New York moves its
   * clocks on 8 March and Madrid on 29 March: windows are local time on both sides of each change.
   */
  @ParameterizedTest
  @ValueSource(strings = {"America/Bogota", "America/New_York", "Europe/Madrid"})
  void givenA30DayCampaignWithTwoBatchesAndSmsWaves_whenItRuns_itShouldKeepWindowsAndQuotasPerChannel(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    CampaignBatch a = batch(60, 0.2);
    CampaignBatch b = batch(30, 0.1);
    CampaignWave beside = CampaignWave.attached(UUID.randomUUID(), Channel.SMS, 1, a.batchId(), false);
    CampaignWave after = CampaignWave.attached(UUID.randomUUID(), Channel.SMS, 2, b.batchId(), true);
    messenger.recipients(beside.waveId(), 1, 40).recipients(after.waveId(), 1001, 12);
    int callQuota = 6;
    int smsQuota = 5;
    CampaignInput input = CampaignInput.first(ORG, campaignId,
        schedule("2026-03-02", "2026-03-31", WEEKDAYS, "09:00", "12:00", zone), callQuota, List.of(a, b),
        List.of(beside, after), Map.of("sms", smsQuota));
    CampaignWorkflow campaign = CampaignTestSupport.stub(client, campaignId);

    WorkflowClient.start(campaign::run, input);
    CampaignProgress result = WorkflowStub.fromTyped(campaign).getResult(CampaignProgress.class);

    assertEquals(CampaignState.COMPLETED, result.state());
    assertEquals(90, SimulatedBatchWorkflow.STARTS.stream()
        .filter(s -> s.batchId().equals(a.batchId()) || s.batchId().equals(b.batchId())).count());
    assertEquals(40, messenger.sentBy(beside.waveId()).stream().map(RecordingMessenger.Sent::contactId).distinct()
        .count(), "every recipient of the first wave, once");
    assertEquals(12, messenger.sentBy(after.waveId()).size(), "every recipient of the second wave, once");
    assertEquals(52, messenger.sent.size());

    for (long at : allTimes()) {
      ZonedDateTime local = Instant.ofEpochMilli(at).atZone(zone);
      assertTrue(local.getDayOfWeek().getValue() <= 5, "weekday only: " + local);
      assertFalse(local.toLocalTime().isBefore(LocalTime.of(9, 0)), "not before the window: " + local);
      assertFalse(local.toLocalTime().isAfter(LocalTime.of(12, 0)), "not after the window: " + local);
    }
    Map<LocalDate, Integer> callsPerDay = SimulatedBatchWorkflow.STARTS.stream().collect(groupingBy(
        s -> Instant.ofEpochMilli(s.atMillis()).atZone(zone).toLocalDate(), TreeMap::new, summingInt(Start::count)));
    callsPerDay.values().forEach(n -> assertTrue(n <= callQuota + 1, "daily calls " + callsPerDay));
    Map<LocalDate, Integer> smsPerDay = messenger.sent.stream().collect(groupingBy(
        s -> Instant.ofEpochMilli(s.atMillis()).atZone(zone).toLocalDate(), TreeMap::new, summingInt(s -> 1)));
    smsPerDay.values().forEach(n -> assertTrue(n <= smsQuota, "daily SMS within the quota: " + smsPerDay));
    assertTrue(smsPerDay.values().stream().filter(n -> n == smsQuota).count() >= 8,
        "the SMS quota is what limits the days: " + smsPerDay);

    long lastCallOfB = SimulatedBatchWorkflow.STARTS.stream().filter(s -> s.batchId().equals(b.batchId()))
        .mapToLong(Start::atMillis).max().orElseThrow();
    messenger.sentBy(after.waveId()).forEach(s -> assertTrue(s.atMillis() > lastCallOfB,
        "the second wave waits for its batch to end"));

    ArgumentCaptor<DayRollup> days = ArgumentCaptor.forClass(DayRollup.class);
    verify(activities, atLeastOnce()).recordDay(days.capture());
    Map<String, Integer> rolledSms = new TreeMap<>();
    days.getAllValues().forEach(d -> rolledSms.put(d.date(), d.messagesSent()));
    smsPerDay.forEach((day, n) -> assertEquals(n, rolledSms.get(day.toString()), "SMS roll-up of " + day));
    assertTrue(days.getAllValues().stream().allMatch(d -> d.waveIds().size() == 2));
    assertTrue(result.waves().stream().allMatch(w -> w.status() == MemberStatus.COMPLETED), result.waves().toString());
  }

  /**
   * Without a quota the campaign reads a wave's source batch every ten minutes; the batch's end wakes it, so the wave
   * for the calls' outcomes starts within seconds of the last call.
   */
  @Test
  void givenAWaveWaitingForItsBatch_whenTheBatchTellsTheCampaignItEnded_theWaveShouldStartAtOnce() {
    CampaignBatch b = batch(10, 1.0);
    CampaignWave after = CampaignWave.attached(UUID.randomUUID(), Channel.SMS, 2, b.batchId(), true);
    messenger.recipients(after.waveId(), 1001, 3);
    SimulatedBatchWorkflow.CAMPAIGN_OF.put(b.batchId(), campaignId);
    CampaignInput input = CampaignInput.first(ORG, campaignId,
        schedule("2026-03-02", "2026-03-02", WEEKDAYS, "09:00", "17:00", ZoneId.of("America/Bogota")), 0, List.of(b),
        List.of(after), Map.of());
    CampaignWorkflow campaign = CampaignTestSupport.stub(client, campaignId);

    WorkflowClient.start(campaign::run, input);
    CampaignProgress result = WorkflowStub.fromTyped(campaign).getResult(CampaignProgress.class);

    assertEquals(CampaignState.COMPLETED, result.state());
    assertEquals(3, messenger.sentBy(after.waveId()).size(), messenger.sent.toString());
    long batchEnded = SimulatedBatchWorkflow.ENDED_AT.get(b.batchId());
    long firstText = messenger.sentBy(after.waveId()).stream().mapToLong(RecordingMessenger.Sent::atMillis).min()
        .orElseThrow();
    assertTrue(firstText >= batchEnded, "the wave waits for its batch");
    assertTrue(firstText - batchEnded < Duration.ofMinutes(1).toMillis(),
        "the wave starts when the batch ends, not at the next ten-minute poll: " + (firstText - batchEnded) + " ms");
  }

  @Test
  void givenABatchThatRunsOutOfCredit_itShouldPauseTheCampaignUntilAPersonResumesIt() {
    CampaignBatch a = batch(200, 0.05);
    SimulatedBatchWorkflow.CREDIT_FOR.put(a.batchId(), 10);
    CampaignWorkflow campaign = CampaignTestSupport.stub(client, campaignId);
    WorkflowClient.start(campaign::run, CampaignInput.first(ORG, campaignId,
        schedule("2026-03-02", "2026-03-31", WEEKDAYS, "09:00", "17:00"), 0, List.of(a)));

    sleepUntil(LocalDateTime.of(2026, 3, 2, 10, 0));
    CampaignProgress paused = campaign.progress();
    assertEquals(CampaignState.PAUSED, paused.state());
    assertEquals("no_credit", paused.pauseReason());
    assertEquals(10, SimulatedBatchWorkflow.STARTS.size());

    sleepUntil(LocalDateTime.of(2026, 3, 3, 12, 0));
    assertEquals(CampaignState.PAUSED, campaign.progress().state(), "the next window does not release it");
    assertEquals("no_credit", campaign.progress().pauseReason());
    assertEquals(10, SimulatedBatchWorkflow.STARTS.size(), "no contact spent on a window without credit");

    CampaignProgress resumed = campaign.resume(); // after a top-up
    assertEquals(CampaignState.RUNNING, resumed.state());
    assertEquals(null, resumed.pauseReason());
    sleepUntil(LocalDateTime.of(2026, 3, 3, 13, 0));
    assertTrue(SimulatedBatchWorkflow.STARTS.size() > 10, "calls start again after the resume");

    ArgumentCaptor<StateChange> states = ArgumentCaptor.forClass(StateChange.class);
    verify(activities, atLeastOnce()).recordState(states.capture());
    assertTrue(states.getAllValues().stream().anyMatch(s -> s.state() == CampaignState.PAUSED
        && "no_credit".equals(s.pauseReason())), "PostgreSQL learns why it paused");
  }

  private List<Long> allTimes() {
    java.util.ArrayList<Long> times = new java.util.ArrayList<>();
    SimulatedBatchWorkflow.STARTS.forEach(s -> times.add(s.atMillis()));
    messenger.sent.forEach(s -> times.add(s.atMillis()));
    return times;
  }

  private void sleepUntil(LocalDateTime local) {
    long target = local.atZone(CampaignTestSupport.BOGOTA).toInstant().toEpochMilli();
    env.sleep(Duration.ofMillis(target - env.currentTimeMillis()));
  }
}
