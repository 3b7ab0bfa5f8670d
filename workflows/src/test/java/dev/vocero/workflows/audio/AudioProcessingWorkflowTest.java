package dev.vocero.workflows.audio;

import static dev.vocero.workflows.audio.AudioTestSupport.AUDIO;
import static dev.vocero.workflows.audio.AudioTestSupport.INPUT;
import static dev.vocero.workflows.audio.AudioTestSupport.OPPORTUNITIES;
import static dev.vocero.workflows.audio.AudioTestSupport.ORG;
import static dev.vocero.workflows.audio.AudioTestSupport.TRANSCRIPT;
import static dev.vocero.workflows.audio.AudioTestSupport.WORKFLOW_ID;
import static dev.vocero.workflows.audio.AudioTestSupport.change;
import static dev.vocero.workflows.audio.AudioTestSupport.statusAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.vocero.workflows.audio.AudioFailure;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.testing.TestWorkflowExtension;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

class AudioProcessingWorkflowTest {

  @RegisterExtension
  final TestWorkflowExtension temporal = AudioTestSupport.extension();

  private final AudioActivities activities = AudioTestSupport.mockActivities();
  private final CountDownLatch transcribing = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
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

  @AfterEach
  void releaseHeldActivities() {
    release.countDown();
  }

  @Test
  void givenAStoredAudio_whenProcessed_itShouldRecordEveryStatusAndComplete() {
    when(activities.transcribe(any())).thenReturn(TRANSCRIPT);

    AudioProcessingResult result = workflow.process(INPUT);

    assertEquals(new AudioProcessingResult(AudioStatus.COMPLETED, 12, 3, null), result);
    InOrder order = inOrder(activities);
    order.verify(activities).recordStatus(change(AudioStatus.TRANSCRIBING, null));
    order.verify(activities).transcribe(new TranscriptionRequest(ORG, AUDIO, "es"));
    order.verify(activities).recordStatus(change(AudioStatus.ANALYZING, null));
    order.verify(activities).findOpportunities(new OpportunityRequest(ORG, AUDIO));
    order.verify(activities).recordStatus(change(AudioStatus.COMPLETED, null));
    verify(activities, times(3)).recordStatus(any());
    assertEquals("completed", statusAttribute(client, WORKFLOW_ID));
    assertEquals(new AudioProgress(AudioStatus.COMPLETED, 1, null), workflow.progress());
  }

  @Test
  void givenAFlakySpeechProvider_whenItAnswers503Twice_itShouldRetryAndComplete() {
    when(activities.transcribe(any()))
        .thenThrow(ApplicationFailure.newFailure("503", "SpeechRetryable"))
        .thenThrow(ApplicationFailure.newFailure("503", "SpeechRetryable"))
        .thenReturn(TRANSCRIPT);

    AudioProcessingResult result = workflow.process(INPUT);

    assertEquals(AudioStatus.COMPLETED, result.status());
    verify(activities, times(3)).transcribe(any());
    verify(activities, never()).recordStatus(change(AudioStatus.FAILED, "503"));
  }

  @Test
  void givenRejectedCredentials_whenTranscribing_itShouldFailTheAudioWithoutRetrying() {
    String message = "OpenAI-compatible speech server answered 401 Unauthorized";
    when(activities.transcribe(any())).thenThrow(AudioFailure.SPEECH_UNAUTHORIZED.failure(message));

    AudioProcessingResult result = workflow.process(INPUT);

    assertEquals(new AudioProcessingResult(AudioStatus.FAILED, 0, 0, message), result);
    verify(activities, times(1)).transcribe(any());
    verify(activities, times(1)).recordStatus(change(AudioStatus.FAILED, message));
    verify(activities, never()).findOpportunities(any());
    assertEquals("failed", statusAttribute(client, WORKFLOW_ID));
    assertEquals(new AudioProgress(AudioStatus.FAILED, 1, message), workflow.progress());
  }

  @Test
  void givenATranscriptionInFlight_whenCancelled_itShouldStopAndRecordTheReason() {
    holdTranscription();
    WorkflowClient.start(workflow::process, INPUT);
    AudioTestSupport.await(transcribing);

    workflow.cancel("uploaded the wrong file");
    AudioProcessingResult result = WorkflowStub.fromTyped(workflow).getResult(AudioProcessingResult.class);

    assertEquals(new AudioProcessingResult(AudioStatus.CANCELLED, 0, 0, "uploaded the wrong file"), result);
    verify(activities).recordStatus(change(AudioStatus.CANCELLED, "uploaded the wrong file"));
    verify(activities, never()).findOpportunities(any());
    assertEquals("cancelled", statusAttribute(client, WORKFLOW_ID));
  }

  @Test
  void givenACancelSentWithTheStart_whenProcessing_itShouldNeverTranscribe() {
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(workflow::process, INPUT);
    request.add(workflow::cancel, "duplicate upload");
    client.signalWithStart(request);

    AudioProcessingResult result = WorkflowStub.fromTyped(workflow).getResult(AudioProcessingResult.class);

    assertEquals(AudioStatus.CANCELLED, result.status());
    verify(activities, never()).transcribe(any());
    verify(activities).recordStatus(change(AudioStatus.CANCELLED, "duplicate upload"));
  }

  @Test
  void givenATranscriptionInFlight_whenTemporalCancelsTheWorkflow_itShouldRecordCancelledAndEndCancelled() {
    holdTranscription();
    WorkflowClient.start(workflow::process, INPUT);
    AudioTestSupport.await(transcribing);

    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    stub.cancel();
    WorkflowFailedException failure =
        assertThrows(WorkflowFailedException.class, () -> stub.getResult(AudioProcessingResult.class));

    assertInstanceOf(CanceledFailure.class, failure.getCause());
    verify(activities).recordStatus(change(AudioStatus.CANCELLED, "workflow cancelled"));
    verify(activities, never()).findOpportunities(any());
  }

  private void holdTranscription() {
    doAnswer(invocation -> {
      transcribing.countDown();
      AudioTestSupport.hold(release);
      return TRANSCRIPT;
    }).when(activities).transcribe(any());
  }
}
