package dev.vocero.workflows.audio;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.codec.ReplayThroughCodec;
import io.temporal.worker.NonDeterministicException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The 1.0 histories must keep replaying against the current implementation (see docs/workflow-versions.md). */
class AudioProcessingReplayTest {
  /** Transcribe, opportunities, two extractors, then the alert rules: one alert, one delivery child. */
  private static final String COMPLETED = "histories/audio-processing.json";
  /** The speech provider rejected the credentials: the pass ends failed. */
  private static final String FAILED = "histories/audio-processing-failed.json";
  /** One of two extractors fails for good and is recorded; the audio still completes. */
  private static final String EXTRACTOR_FAILED = "histories/audio-processing-extractor-failed.json";
  /** The happy path of COMPLETED since audio-local-database-steps. */
  private static final String LOCAL_DATABASE_STEPS = "histories/audio-local-database-steps.json";

  @Test
  void givenTheCompletedHistory_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        ReplayThroughCodec.fromResource(COMPLETED, AudioProcessingWorkflowImpl.class));
  }

  @Test
  void givenTheFailedHistory_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        ReplayThroughCodec.fromResource(FAILED, AudioProcessingWorkflowImpl.class));
  }

  @Test
  void givenTheHistoryWithAFailedExtractor_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        ReplayThroughCodec.fromResource(EXTRACTOR_FAILED, AudioProcessingWorkflowImpl.class));
  }

  @Test
  void givenTheHistoryWithLocalDatabaseSteps_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        ReplayThroughCodec.fromResource(LOCAL_DATABASE_STEPS, AudioProcessingWorkflowImpl.class));
  }

  @Test
  void givenTheHistoryWithLocalDatabaseSteps_itShouldRunOnlyTranscriptionAndExtractorsAsActivityTasks() throws IOException {
    String local = read(LOCAL_DATABASE_STEPS);
    assertEquals(1, occurrences(local, "\"markerName\": \"Version\""), "the version marker");
    assertEquals(3, occurrences(local, "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED"), "transcribe and two extractors");
    // three status writes, then opportunities, the extraction plan and the alert rules
    assertEquals(6, occurrences(local, "\"markerName\": \"LocalActivity\""));
    assertEquals(1, occurrences(local, "EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED"), "one delivery");
    assertTrue(occurrences(local, "EVENT_TYPE_WORKFLOW_TASK_COMPLETED")
        < occurrences(read(COMPLETED), "EVENT_TYPE_WORKFLOW_TASK_COMPLETED"), "fewer workflow tasks than 1.0");
  }

  @Test
  void givenTheStoredHistories_itShouldCoverTheirIntendedPaths() throws IOException {
    String completed = read(COMPLETED);
    assertFalse(completed.contains("\"markerName\": \"Version\""), "1.0 has no version markers");
    assertTrue(completed.indexOf("\"ExtractionExtract\"") < completed.indexOf("\"AlertsRaiseAlerts\""),
        "extraction runs before the alert rules");
    assertEquals(1, occurrences(completed, "EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED"), "one delivery");
    // status writes are local-activity markers: only transcribe, opportunities, plan, two extractors and alerts
    assertEquals(6, occurrences(completed, "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED"));

    String extractorFailed = read(EXTRACTOR_FAILED);
    assertEquals(1, occurrences(extractorFailed, "\"ExtractionRecordExtractionFailure\""));

    String failed = read(FAILED);
    assertEquals(1, occurrences(failed, "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED"), "only the transcription");
  }

  @Test
  void givenTheCompletedHistory_whenReplayedAgainstReorderedSteps_itShouldDetectNonDeterminism() {
    Exception failure = assertThrows(Exception.class, () ->
        ReplayThroughCodec.fromResource(COMPLETED, ReorderedAudioProcessingWorkflow.class));

    assertTrue(reportsNonDeterminism(failure), () -> "unexpected failure: " + failure);
  }

  private String read(String resource) throws IOException {
    return new String(getClass().getResourceAsStream("/" + resource).readAllBytes(), StandardCharsets.UTF_8);
  }

  private static int occurrences(String text, String token) {
    return text.split(java.util.regex.Pattern.quote(token), -1).length - 1;
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
