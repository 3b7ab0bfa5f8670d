package dev.vocero.workflows.audio;

import static dev.vocero.workflows.audio.AudioTestSupport.AUDIO;
import static dev.vocero.workflows.audio.AudioTestSupport.INPUT;
import static dev.vocero.workflows.audio.AudioTestSupport.OPPORTUNITIES;
import static dev.vocero.workflows.audio.AudioTestSupport.ORG;
import static dev.vocero.workflows.audio.AudioTestSupport.TRANSCRIPT;
import static dev.vocero.workflows.audio.AudioTestSupport.WORKFLOW_ID;
import static dev.vocero.workflows.audio.AudioTestSupport.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class AudioReprocessTest {

  @RegisterExtension
  final TestWorkflowExtension temporal = AudioTestSupport.extension();

  private final AudioActivities activities = AudioTestSupport.mockActivities();
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private WorkflowClient client;
  private WorkflowOptions options;
  private AudioProcessingWorkflow workflow;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, WorkflowOptions defaults, Worker worker) {
    AudioTestSupport.start(env, worker, activities);
    client = env.getWorkflowClient();
    options = defaults.toBuilder().setWorkflowId(WORKFLOW_ID).build();
    workflow = client.newWorkflowStub(AudioProcessingWorkflow.class, options);
    when(activities.findOpportunities(any())).thenReturn(OPPORTUNITIES);
  }

  @AfterEach
  void releaseHeldActivities() {
    release.countDown();
  }

  @Test
  void givenATranscriptionInFlight_whenReprocessedWithANewLanguage_itShouldRestartFromTranscription() {
    holdFirstTranscription();
    WorkflowClient.start(workflow::process, INPUT);
    AudioTestSupport.await(held);

    int nextPass = workflow.reprocess(new ReprocessRequest("en"));
    AudioProcessingResult result = resultOf(workflow);

    assertEquals(2, nextPass);
    assertEquals(new AudioProcessingResult(AudioStatus.COMPLETED, 12, 3, null), result);
    assertEquals(List.of("es", "en"), transcribedLanguages(2));
    verify(activities, times(1)).findOpportunities(any());
    verify(activities, times(1)).recordStatus(change(AudioStatus.COMPLETED, null));
    assertEquals(new AudioProgress(AudioStatus.COMPLETED, 2, null), workflow.progress());
  }

  @Test
  void givenAPassThatHasNotReadItsInputs_whenReprocessed_itShouldAdoptTheLanguageInTheSamePass() {
    when(activities.transcribe(any())).thenReturn(TRANSCRIPT);
    holdStatus(AudioStatus.TRANSCRIBING);
    WorkflowClient.start(workflow::process, INPUT);
    AudioTestSupport.await(held);

    int nextPass = workflow.reprocess(new ReprocessRequest("pt"));
    release.countDown();

    assertEquals(1, nextPass);
    assertEquals(AudioStatus.COMPLETED, resultOf(workflow).status());
    assertEquals(List.of("pt"), transcribedLanguages(1));
    assertEquals(1, workflow.progress().pass());
  }

  @Test
  void givenARunningAudio_whenReprocessedWithAMalformedLanguage_itShouldRejectWithoutRestarting() {
    holdFirstTranscription();
    WorkflowClient.start(workflow::process, INPUT);
    AudioTestSupport.await(held);

    WorkflowUpdateException rejected =
        assertThrows(WorkflowUpdateException.class, () -> workflow.reprocess(new ReprocessRequest("EN")));
    release.countDown();

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, rejected.getCause());
    assertEquals(IllegalArgumentException.class.getName(), cause.getType());
    assertTrue(cause.getOriginalMessage().contains("2 or 3 lowercase letters"), cause.getOriginalMessage());
    assertEquals(AudioStatus.COMPLETED, resultOf(workflow).status());
    assertEquals(List.of("es"), transcribedLanguages(1));
  }

  @Test
  void givenACancelledAudio_whenReprocessed_itShouldReject() {
    holdFirstTranscription();
    holdStatus(AudioStatus.CANCELLED);
    WorkflowClient.start(workflow::process, INPUT);
    AudioTestSupport.await(held); // the first workflow task is done: the cancel is not in the one the update joins
    workflow.cancel("operator stopped it");

    WorkflowUpdateException rejected =
        assertThrows(WorkflowUpdateException.class, () -> workflow.reprocess(new ReprocessRequest(null)));
    release.countDown();

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, rejected.getCause());
    assertEquals(IllegalStateException.class.getName(), cause.getType());
    assertEquals(AudioStatus.CANCELLED, resultOf(workflow).status());
  }

  @Test
  void givenAClosedRun_whenReprocessedWithUpdateWithStart_itShouldRunExactlyOnePassInANewRun() {
    when(activities.transcribe(any())).thenReturn(TRANSCRIPT);
    String firstRun = WorkflowClient.start(workflow::process, INPUT).getRunId();
    resultOf(workflow);

    AudioProcessingWorkflow restart = client.newWorkflowStub(AudioProcessingWorkflow.class, options.toBuilder()
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build());
    WithStartWorkflowOperation<AudioProcessingResult> start = new WithStartWorkflowOperation<>(restart::process, INPUT);
    int pass = WorkflowClient.executeUpdateWithStart(restart::reprocess, new ReprocessRequest("en"),
        UpdateOptions.<Integer>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(), start);
    AudioProcessingResult result = start.getResult();

    assertEquals(1, pass);
    assertEquals(AudioStatus.COMPLETED, result.status());
    assertEquals(List.of("es", "en"), transcribedLanguages(2));
    assertNotEquals(firstRun, WorkflowStub.fromTyped(restart).getExecution().getRunId());
    assertEquals(new AudioProgress(AudioStatus.COMPLETED, 1, null), restart.progress());
  }

  private void holdFirstTranscription() {
    AtomicInteger calls = new AtomicInteger();
    doAnswer(invocation -> {
      if (calls.incrementAndGet() == 1) {
        held.countDown();
        AudioTestSupport.hold(release);
      }
      return TRANSCRIPT;
    }).when(activities).transcribe(any());
  }

  private void holdStatus(AudioStatus status) {
    doAnswer(invocation -> {
      if (invocation.<AudioStatusChange>getArgument(0).status() == status) {
        held.countDown();
        AudioTestSupport.hold(release);
      }
      return null;
    }).when(activities).recordStatus(any());
  }

  private List<String> transcribedLanguages(int expectedCalls) {
    ArgumentCaptor<TranscriptionRequest> requests = ArgumentCaptor.forClass(TranscriptionRequest.class);
    verify(activities, times(expectedCalls)).transcribe(requests.capture());
    requests.getAllValues().forEach(request ->
        assertEquals(new TranscriptionRequest(ORG, AUDIO, request.language()), request));
    return requests.getAllValues().stream().map(TranscriptionRequest::language).toList();
  }

  private static AudioProcessingResult resultOf(AudioProcessingWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(AudioProcessingResult.class);
  }
}
