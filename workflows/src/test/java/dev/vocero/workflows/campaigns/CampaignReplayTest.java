package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.codec.ReplayThroughCodec;
import dev.vocero.workflows.messaging.Channel;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.BOGOTA;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.ORG;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.WEEKDAYS;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.batch;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.schedule;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 1.0 campaign histories keep replaying (see docs/workflow-versions.md). The two generating tests record them
 * again from the current code with {@code -Dcampaign.history.out=path} and {@code -Dcampaign.history.waves.out=path}.
 */
class CampaignReplayTest {
  /** One day: window, quota hold, pause, resume, continue-as-new. */
  private static final String CAMPAIGN = "histories/campaign.json";
  /** One day with an SMS wave under its quota and a batch that runs out of credit: the campaign pauses itself. */
  private static final String CAMPAIGN_WAVES_CREDIT = "histories/campaign-waves-credit.json";

  @RegisterExtension
  final TestWorkflowExtension temporal = CampaignTestSupport.extension();

  @Test
  void givenTheStoredCampaignDay_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        ReplayThroughCodec.fromResource(CAMPAIGN, CampaignWorkflowImpl.class));
  }

  @Test
  void givenTheStoredDayWithAWaveAndACreditPause_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        ReplayThroughCodec.fromResource(CAMPAIGN_WAVES_CREDIT, CampaignWorkflowImpl.class));
  }

  /**
   * Produces a first day with an SMS wave under a daily quota and a batch that runs out of credit (the campaign
   * pauses itself); with -Dcampaign.history.waves.out=path it also writes it there.
   */
  @Test
  void givenADayWithAWaveAndACreditPause_whenItsFirstRunIsReplayed_itShouldBeDeterministic(TestWorkflowEnvironment env)
      throws Exception {
    RecordingMessenger messenger = new RecordingMessenger(env);
    CampaignTestSupport.start(env, mock(CampaignActivities.class, withSettings().withoutAnnotations()), messenger);
    SimulatedBatchWorkflow.chunk = 1;
    CampaignBatch a = batch(500, 0.05);
    SimulatedBatchWorkflow.CREDIT_FOR.put(a.batchId(), 30);
    CampaignWave wave = CampaignWave.attached(UUID.randomUUID(), Channel.SMS, 2, a.batchId(), false);
    messenger.recipients(wave.waveId(), 1, 20);
    UUID campaignId = UUID.randomUUID();
    CampaignWorkflow campaign = CampaignTestSupport.stub(env.getWorkflowClient(), campaignId);
    WorkflowExecution first = WorkflowClient.start(campaign::run, CampaignInput.first(ORG, campaignId,
        schedule("2026-03-02", "2026-03-31", WEEKDAYS, "09:00", "17:00"), 0, List.of(a), List.of(wave),
        java.util.Map.of("sms", 5)));
    sleepUntil(env, LocalDateTime.of(2026, 3, 2, 18, 0));

    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(first.getWorkflowId(), first.getRunId());
    assertTrue(history.getEvents().stream()
        .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW));
    assertTrue(history.getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW)
        .flatMap(e -> e.getWorkflowExecutionContinuedAsNewEventAttributes().getInput().getPayloadsList().stream())
        .anyMatch(p -> p.getData().toStringUtf8().contains("\"pauseReason\":\"no_credit\"")),
        "the next day starts paused for lack of credit");
    ReplayThroughCodec.history(history, CampaignWorkflowImpl.class);
    String out = System.getProperty("campaign.history.waves.out");
    if (out != null) {
      Files.writeString(Path.of(out), history.toJson(true), StandardCharsets.UTF_8);
    }
  }

  /** Produces the day above from the current code; with -Dcampaign.history.out=path it also writes it there. */
  @Test
  void givenOneDayOfACampaign_whenItsFirstRunIsReplayed_itShouldBeDeterministic(TestWorkflowEnvironment env)
      throws Exception {
    CampaignTestSupport.start(env, mock(CampaignActivities.class, withSettings().withoutAnnotations()));
    SimulatedBatchWorkflow.chunk = 1;
    CampaignBatch a = batch(500, 0.05);
    UUID campaignId = UUID.randomUUID();
    CampaignWorkflow campaign = CampaignTestSupport.stub(env.getWorkflowClient(), campaignId);
    WorkflowExecution first = WorkflowClient.start(campaign::run, CampaignInput.first(ORG, campaignId,
        schedule("2026-03-02", "2026-03-31", WEEKDAYS, "09:00", "17:00"), 20, List.of(a)));
    sleepUntil(env, LocalDateTime.of(2026, 3, 2, 9, 2));
    campaign.pause();
    sleepUntil(env, LocalDateTime.of(2026, 3, 2, 9, 30));
    campaign.resume();
    sleepUntil(env, LocalDateTime.of(2026, 3, 2, 18, 0));

    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(first.getWorkflowId(), first.getRunId());
    assertTrue(history.getEvents().stream()
        .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW));
    ReplayThroughCodec.history(history, CampaignWorkflowImpl.class);
    String out = System.getProperty("campaign.history.out");
    if (out != null) {
      Files.writeString(Path.of(out), history.toJson(true), StandardCharsets.UTF_8);
    }
  }

  private static void sleepUntil(TestWorkflowEnvironment env, LocalDateTime local) {
    env.sleep(Duration.ofMillis(local.atZone(BOGOTA).toInstant().toEpochMilli() - env.currentTimeMillis()));
  }
}
