package dev.vocero.workflows.audio;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One uploaded or recorded audio: transcribe, find opportunities, mirror every status into PostgreSQL. */
@WorkflowInterface
public interface AudioProcessingWorkflow {

  @WorkflowMethod(name = "AudioProcessing")
  AudioProcessingResult process(AudioProcessingInput input);

  @QueryMethod(name = "progress")
  AudioProgress progress();

  /** Restarts processing from transcription; returns the pass number that will run. */
  @UpdateMethod(name = "reprocess")
  int reprocess(ReprocessRequest request);

  @UpdateValidatorMethod(updateName = "reprocess")
  void validateReprocess(ReprocessRequest request);

  @SignalMethod(name = "cancel")
  void cancel(String reason);
}
