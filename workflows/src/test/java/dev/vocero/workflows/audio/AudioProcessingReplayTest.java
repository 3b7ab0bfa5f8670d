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
  /** v3 (alerts): alert rules evaluated after opportunities (version marker "alerts" = 1), one delivery child started. */
  private static final String ALERTS_V3 = "histories/audio-processing-alerts-v3.json";
  /** v3 (extraction): extraction after opportunities (version marker "extraction" = 1). */
  private static final String EXTRACTION_V3 = "histories/audio-processing-extraction-v3.json";
  /** v4: extraction, then alerts (both markers). */
  private static final String BOTH_V4 = "histories/audio-processing-v4.json";

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
  void givenAV3AlertsHistory_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(ALERTS_V3, AudioProcessingWorkflowImpl.class));
  }

  @Test
  void givenAV3History_itShouldRecordTheAlertsStepAndTheDeliveryChild() throws Exception {
    String history = read(ALERTS_V3);
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
  void givenHistoriesFromBeforeExtraction_whenReplayed_itShouldSkipTheExtractionStep() {
    for (String history : new String[] {COMPLETED_V1, FAILED_V1, COMPLETED_V2, FAILED_V2}) {
      assertDoesNotThrow(() ->
          WorkflowReplayer.replayWorkflowExecutionFromResource(history, AudioProcessingWorkflowImpl.class), history);
    }
  }

  @Test
  void givenAV3HistoryWithExtraction_whenReplayed_itShouldBeDeterministic() throws Exception {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(EXTRACTION_V3, AudioProcessingWorkflowImpl.class));
    String history = new String(getClass().getResourceAsStream("/" + EXTRACTION_V3).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String changeId = java.util.Base64.getEncoder().encodeToString(
        ("\"" + AudioProcessingWorkflowImpl.EXTRACTION + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(history.contains(changeId), "the extraction version marker (payloads are base64 JSON)");
    // transcribe, findOpportunities, the plan, two extractors and the recorded failure of one of them
    assertEquals(6, history.split("EVENT_TYPE_ACTIVITY_TASK_SCHEDULED", -1).length - 1);
    assertEquals(1, history.split("\"ExtractionRecordExtractionFailure\"", -1).length - 1);
  }

  @Test
  void givenAV4History_whenReplayed_itShouldBeDeterministicWithExtractionBeforeAlerts() throws Exception {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(BOTH_V4, AudioProcessingWorkflowImpl.class));
    String history = read(BOTH_V4);
    assertTrue(history.indexOf("\"ExtractionExtract\"") < history.indexOf("\"AlertsRaiseAlerts\""),
        "extraction runs before the alert rules");
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
