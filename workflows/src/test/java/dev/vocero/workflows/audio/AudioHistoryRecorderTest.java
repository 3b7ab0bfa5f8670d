package dev.vocero.workflows.audio;

import static dev.vocero.workflows.audio.AudioTestSupport.INPUT;
import static dev.vocero.workflows.audio.AudioTestSupport.OPPORTUNITIES;
import static dev.vocero.workflows.audio.AudioTestSupport.TRANSCRIPT;
import static dev.vocero.workflows.audio.AudioTestSupport.WORKFLOW_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.vocero.workflows.common.FailureType;
import io.temporal.failure.ApplicationFailure;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.testing.TestWorkflowExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rewrites the stored histories of the current version; run only on purpose: {@code -Dvocero.recordHistories=true}.
 * Older versions' histories (v1, v2) are kept as they were recorded.
 */
@EnabledIfSystemProperty(named = "vocero.recordHistories", matches = "true")
class AudioHistoryRecorderTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  @RegisterExtension
  final TestWorkflowExtension temporal = AudioTestSupport.extension();

  private final AudioActivities activities = AudioTestSupport.mockActivities();
  private final ExtractionActivities extraction = AudioTestSupport.mockExtraction();
  private WorkflowClient client;
  private AudioProcessingWorkflow workflow;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, WorkflowOptions options, Worker worker) {
    AudioTestSupport.start(env, worker, activities, extraction);
    client = env.getWorkflowClient();
    workflow = client.newWorkflowStub(
        AudioProcessingWorkflow.class, options.toBuilder().setWorkflowId(WORKFLOW_ID).build());
    when(activities.findOpportunities(any())).thenReturn(OPPORTUNITIES);
  }

  /** v3: the "extraction" version marker, a plan and two extractors, one of which fails for good and is recorded. */
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
    store("audio-processing-v3.json");
  }

  @Test
  void givenRejectedCredentials_whenRecorded_itShouldStoreAFailedHistory() throws IOException {
    when(activities.transcribe(any()))
        .thenThrow(FailureType.SPEECH_UNAUTHORIZED.failure("speech server answered 401 Unauthorized"));

    assertEquals(AudioStatus.FAILED, workflow.process(INPUT).status());
    store("audio-processing-failed-v2.json");
  }

  private void store(String name) throws IOException {
    Files.createDirectories(HISTORIES);
    Files.writeString(HISTORIES.resolve(name), client.fetchHistory(WORKFLOW_ID).toJson(true));
  }
}
