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
  /** v3: alert rules evaluated after opportunities (version marker "alerts" = 1), one delivery child started. */
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
  void givenAV3History_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(COMPLETED_V3, AudioProcessingWorkflowImpl.class));
  }

  @Test
  void givenAV3History_itShouldRecordTheAlertsStepAndTheDeliveryChild() throws Exception {
    String history = read(COMPLETED_V3);
    assertTrue(history.contains("\"Alerts" + "RaiseAlerts\""), "the alerts activity is in the history");
    String alertsChangeId = java.util.Base64.getEncoder().encodeToString("\"alerts\"".getBytes(
        java.nio.charset.StandardCharsets.UTF_8)).replace("=", "\\u003d");
    assertTrue(history.contains(alertsChangeId), "the alerts version marker is in the history");
    assertEquals(1, history.split("EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED", -1).length - 1);
    assertTrue(!read(COMPLETED_V2).contains("AlertsRaiseAlerts"), "v2 predates the alerts step");
  }

  private String read(String resource) throws java.io.IOException {
    return new String(getClass().getResourceAsStream("/" + resource).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
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
