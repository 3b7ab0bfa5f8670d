package dev.vocero.workflows.audio;

import static dev.vocero.workflows.audio.AudioTestSupport.INPUT;
import static dev.vocero.workflows.audio.AudioTestSupport.OPPORTUNITIES;
import static dev.vocero.workflows.audio.AudioTestSupport.TRANSCRIPT;
import static dev.vocero.workflows.audio.AudioTestSupport.WORKFLOW_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.vocero.workflows.alerts.AlertActivities;
import dev.vocero.workflows.alerts.AlertResult;
import dev.vocero.workflows.alerts.DeliveryResult;
import dev.vocero.workflows.alerts.WebhookActivities;
import dev.vocero.workflows.audio.AudioFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.testing.TestWorkflowExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records histories of the current implementation; run only on purpose: {@code -Dvocero.recordHistories=true}.
 * Released histories are never overwritten (they are what the replay tests guard): delete one to record it again.
 */
@EnabledIfSystemProperty(named = "vocero.recordHistories", matches = "true")
class AudioHistoryRecorderTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  private static final UUID DELIVERY = UUID.fromString("5d0c1b2a-3e4f-4a5b-9c6d-7e8f9a0b1c2d");

  @RegisterExtension
  final TestWorkflowExtension temporal = AudioTestSupport.extension();

  private final AudioActivities activities = AudioTestSupport.mockActivities();
  private final AlertActivities alerts = AudioTestSupport.mockAlerts();
  private final WebhookActivities webhooks = AudioTestSupport.mockWebhooks();
  private final ExtractionActivities extraction = AudioTestSupport.mockExtraction();
  private WorkflowClient client;
  private AudioProcessingWorkflow workflow;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, WorkflowOptions options, Worker worker) {
    AudioTestSupport.start(env, worker, activities, extraction, alerts, webhooks);
    client = env.getWorkflowClient();
    workflow = client.newWorkflowStub(
        AudioProcessingWorkflow.class, options.toBuilder().setWorkflowId(WORKFLOW_ID).build());
    when(activities.findOpportunities(any())).thenReturn(OPPORTUNITIES);
  }

  /** A plan and two extractors, one of which fails for good and is recorded; no alert. */
  @Test
  void givenTheHappyPathWithExtractors_whenRecorded_itShouldStoreACompletedHistory() throws IOException {
    when(activities.transcribe(any())).thenReturn(TRANSCRIPT);
    when(extraction.planExtractions(any())).thenReturn(AudioTestSupport.TWO_EXTRACTORS);
    when(extraction.extract(any())).thenAnswer(call -> {
      ExtractionRequest request = call.getArgument(0);
      if (request.extractor().equals("payment_promise")) {
        throw ApplicationFailure.newNonRetryableFailure("no language model answered", "LLM_TEST");
      }
      return new ExtractionOutcome(request.extractor(), request.version(), "ok", "openai");
    });

    assertEquals(AudioStatus.COMPLETED, workflow.process(INPUT).status());
    store("audio-processing-extractor-failed.json");
  }

  @Test
  void givenRejectedCredentials_whenRecorded_itShouldStoreAFailedHistory() throws IOException {
    when(activities.transcribe(any()))
        .thenThrow(AudioFailure.SPEECH_UNAUTHORIZED.failure("speech server answered 401 Unauthorized"));

    assertEquals(AudioStatus.FAILED, workflow.process(INPUT).status());
    store("audio-processing-failed.json");
  }

  /** The happy path: transcribe, opportunities, two extractors, then the alert rules (one alert, one delivery child). */
  @Test
  void givenExtractorsAndAnAlert_whenRecorded_itShouldStoreACompletedHistory() throws IOException {
    when(activities.transcribe(any())).thenReturn(TRANSCRIPT);
    when(extraction.planExtractions(any())).thenReturn(AudioTestSupport.TWO_EXTRACTORS);
    when(extraction.extract(any())).thenAnswer(call -> {
      ExtractionRequest request = call.getArgument(0);
      return new ExtractionOutcome(request.extractor(), request.version(), "ok", "openai");
    });
    when(alerts.raiseAlerts(any())).thenReturn(new AlertResult(1, List.of(DELIVERY)));
    when(webhooks.deliver(any())).thenReturn(new DeliveryResult("delivered"));

    assertEquals(AudioStatus.COMPLETED, workflow.process(INPUT).status());
    store("audio-processing.json");
  }

  /**
   * The same happy path since audio-local-database-steps: opportunities, the extraction plan and the alert rules run
   * as local activities in the workflow task that follows the transcription.
   */
  @Test
  void givenExtractorsAndAnAlert_whenRecordedWithLocalDatabaseSteps_itShouldStoreACompletedHistory() throws IOException {
    when(activities.transcribe(any())).thenReturn(TRANSCRIPT);
    when(extraction.planExtractions(any())).thenReturn(AudioTestSupport.TWO_EXTRACTORS);
    when(extraction.extract(any())).thenAnswer(call -> {
      ExtractionRequest request = call.getArgument(0);
      return new ExtractionOutcome(request.extractor(), request.version(), "ok", "openai");
    });
    when(alerts.raiseAlerts(any())).thenReturn(new AlertResult(1, List.of(DELIVERY)));
    when(webhooks.deliver(any())).thenReturn(new DeliveryResult("delivered"));

    assertEquals(AudioStatus.COMPLETED, workflow.process(INPUT).status());
    store("audio-local-database-steps.json");
  }

  private void store(String name) throws IOException {
    Files.createDirectories(HISTORIES);
    if (Files.exists(HISTORIES.resolve(name))) {
      return;
    }
    Files.writeString(HISTORIES.resolve(name), client.fetchHistory(WORKFLOW_ID).toJson(true));
  }
}
