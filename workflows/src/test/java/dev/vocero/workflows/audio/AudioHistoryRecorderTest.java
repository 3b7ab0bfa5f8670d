package dev.vocero.workflows.audio;

import static dev.vocero.workflows.audio.AudioTestSupport.INPUT;
import static dev.vocero.workflows.audio.AudioTestSupport.OPPORTUNITIES;
import static dev.vocero.workflows.audio.AudioTestSupport.TRANSCRIPT;
import static dev.vocero.workflows.audio.AudioTestSupport.WORKFLOW_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.vocero.workflows.common.FailureType;
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

/** Rewrites the stored histories; run only on purpose: {@code -Dvocero.recordHistories=true}. */
@EnabledIfSystemProperty(named = "vocero.recordHistories", matches = "true")
class AudioHistoryRecorderTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  @RegisterExtension
  final TestWorkflowExtension temporal = AudioTestSupport.extension();

  private final AudioActivities activities = AudioTestSupport.mockActivities();
  private WorkflowClient client;
  private AudioProcessingWorkflow workflow;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, WorkflowOptions options, Worker worker) {
    AudioTestSupport.start(env, worker, activities);
    client = env.getWorkflowClient();
    workflow = client.newWorkflowStub(
        AudioProcessingWorkflow.class, options.toBuilder().setWorkflowId(WORKFLOW_ID).build());
    when(activities.findOpportunities(any())).thenReturn(OPPORTUNITIES);
  }

  @Test
  void givenTheHappyPath_whenRecorded_itShouldStoreACompletedHistory() throws IOException {
    when(activities.transcribe(any())).thenReturn(TRANSCRIPT);

    assertEquals(AudioStatus.COMPLETED, workflow.process(INPUT).status());
    store("audio-processing-v2.json");
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
