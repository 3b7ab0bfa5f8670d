package dev.vocero.workflows.audio;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import org.junit.jupiter.api.Test;

/** Stored histories of released versions must keep replaying against the current implementation. */
class AudioProcessingReplayTest {
  private static final String COMPLETED_V1 = "histories/audio-processing-v1.json";
  private static final String FAILED_V1 = "histories/audio-processing-failed-v1.json";

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
