package dev.vocero.workflows.calls;

import dev.vocero.workflows.audio.AudioProcessingInput;
import dev.vocero.workflows.audio.AudioProcessingResult;
import dev.vocero.workflows.audio.AudioProgress;
import dev.vocero.workflows.audio.AudioProcessingWorkflow;
import dev.vocero.workflows.audio.AudioStatus;
import dev.vocero.workflows.audio.ReprocessRequest;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Stands in for audio processing in the call tests: "transcribes" for an hour of workflow time, then completes. */
public final class FakeAudioWorkflow implements AudioProcessingWorkflow {
  static final Duration PROCESSING = Duration.ofHours(1);

  private AudioStatus status = AudioStatus.TRANSCRIBING;

  @Override
  public AudioProcessingResult process(AudioProcessingInput input) {
    Workflow.sleep(PROCESSING);
    status = AudioStatus.COMPLETED;
    return new AudioProcessingResult(status, 3, 1, null);
  }

  @Override
  public AudioProgress progress() {
    return new AudioProgress(status, 1, null);
  }

  @Override
  public int reprocess(ReprocessRequest request) {
    return 1;
  }

  @Override
  public void validateReprocess(ReprocessRequest request) {
  }

  @Override
  public void cancel(String reason) {
  }
}
