package dev.vocero.workflows.audio;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import org.junit.jupiter.api.Test;

/** Stored histories of released versions must keep replaying against the current implementation. */
class AudioProcessingReplayTest {
  private static final String COMPLETED_V1 = "histories/audio-processing-v1.json";
  private static final String FAILED_V1 = "histories/audio-processing-failed-v1.json";
  /** v2: status writes as local activities (version marker "status-as-local-activity" = 1). */
  private static final String COMPLETED_V2 = "histories/audio-processing-v2.json";
  private static final String FAILED_V2 = "histories/audio-processing-failed-v2.json";
  /** v3: extraction after opportunities (version marker "extraction" = 1). */
  private static final String COMPLETED_V3 = "histories/audio-processing-v3.json";

  @Test
  void givenACompletedV1History_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(COMPLETED_V1, AudioProcessingWorkflowImpl.class));
  }

  @Test
  void givenAFailedV1History_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(FAILED_V1, AudioProcessingWorkflowImpl.class));
  }

  @Test
  void givenV2Histories_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(COMPLETED_V2, AudioProcessingWorkflowImpl.class));
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(FAILED_V2, AudioProcessingWorkflowImpl.class));
  }

  @Test
  void givenAV2History_itShouldRecordTheVersionMarkerAndNoRemoteStatusActivity() throws Exception {
    String history = new String(getClass().getResourceAsStream("/" + COMPLETED_V2).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    // the version marker, then three status writes as local-activity markers; only transcribe and
    // findOpportunities remain activity tasks
    assertEquals(2, history.split("EVENT_TYPE_ACTIVITY_TASK_SCHEDULED", -1).length - 1);
    assertEquals(4, history.split("EVENT_TYPE_MARKER_RECORDED", -1).length - 1);
  }

  @Test
  void givenHistoriesFromBeforeExtraction_whenReplayed_itShouldSkipTheExtractionStep() {
    for (String history : new String[] {COMPLETED_V1, FAILED_V1, COMPLETED_V2, FAILED_V2}) {
      assertDoesNotThrow(() ->
          WorkflowReplayer.replayWorkflowExecutionFromResource(history, AudioProcessingWorkflowImpl.class), history);
    }
  }

  @Test
  void givenAV3HistoryWithExtraction_whenReplayed_itShouldBeDeterministic() throws Exception {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(COMPLETED_V3, AudioProcessingWorkflowImpl.class));
    String history = new String(getClass().getResourceAsStream("/" + COMPLETED_V3).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String changeId = java.util.Base64.getEncoder().encodeToString(
        ("\"" + AudioProcessingWorkflowImpl.EXTRACTION + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(history.contains(changeId), "the extraction version marker (payloads are base64 JSON)");
    // transcribe, findOpportunities, the plan, two extractors and the recorded failure of one of them
    assertEquals(6, history.split("EVENT_TYPE_ACTIVITY_TASK_SCHEDULED", -1).length - 1);
    assertEquals(1, history.split("\"ExtractionRecordExtractionFailure\"", -1).length - 1);
  }

  @Test
  void givenACompletedV1History_whenReplayedAgainstReorderedSteps_itShouldDetectNonDeterminism() {
    Exception failure = assertThrows(Exception.class, () ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(COMPLETED_V1, ReorderedAudioProcessingWorkflow.class));

    assertTrue(reportsNonDeterminism(failure), () -> "unexpected failure: " + failure);
  }

  /** The replayer reports the cause inside a RuntimeException's message ("error=...") rather than as its cause. */
  private static boolean reportsNonDeterminism(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof NonDeterministicException
          || String.valueOf(cause.getMessage()).contains("error=" + NonDeterministicException.class.getName())) {
        return true;
      }
    }
    return false;
  }
}
