package dev.vocero.workflows.messaging;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One template sent to a list of contacts at a pace, skipping do-not-call numbers; continues-as-new per page. */
@WorkflowInterface
public interface MessageWaveWorkflow {

  @WorkflowMethod(name = "MessageWave")
  WaveProgress run(WaveInput input);

  @QueryMethod(name = "progress")
  WaveProgress progress();

  /**
   * The progress read as an update, for the campaign's polls: changes nothing. A query that meets a run as it continues
   * as new stops time skipping on Temporal's test server for good; an update there is failed and read again.
   */
  @UpdateMethod(name = "snapshot")
  WaveProgress snapshot();

  @UpdateMethod(name = "pause")
  WaveProgress pause();

  @UpdateValidatorMethod(updateName = "pause")
  void validatePause();

  @UpdateMethod(name = "resume")
  WaveProgress resume();

  @UpdateValidatorMethod(updateName = "resume")
  void validateResume();

  @SignalMethod(name = "cancel")
  void cancel(String reason);
}
