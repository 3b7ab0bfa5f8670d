package dev.vocero.workflows.calls;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A contact list becoming calls: pages contacts from PostgreSQL, keeps at most maxConcurrentCalls
 * {@link ContactCallWorkflow}s running, paces their starts, continues-as-new every page.
 */
@WorkflowInterface
public interface CallBatchWorkflow {

  @WorkflowMethod(name = "CallBatch")
  BatchProgress run(CallBatchInput input);

  @QueryMethod(name = "progress")
  BatchProgress progress();

  /**
   * The progress read as an update, for the campaign's polls: changes nothing. A query that meets a run as it continues
   * as new stops time skipping on Temporal's test server for good; an update there is failed and read again.
   */
  @UpdateMethod(name = "snapshot")
  BatchProgress snapshot();

  @UpdateMethod(name = "pause")
  BatchProgress pause();

  @UpdateValidatorMethod(updateName = "pause")
  void validatePause();

  @UpdateMethod(name = "resume")
  BatchProgress resume();

  @UpdateValidatorMethod(updateName = "resume")
  void validateResume();

  @UpdateMethod(name = "setPace")
  BatchProgress setPace(PaceChange change);

  @UpdateValidatorMethod(updateName = "setPace")
  void validateSetPace(PaceChange change);

  @SignalMethod(name = "cancel")
  void cancel(String reason);

  /** Sent by a contact's workflow whose call the credits could not cover: pauses the batch with that reason. */
  @SignalMethod(name = "creditExhausted")
  void creditExhausted(String reason);

  /** Sent by each contact's workflow when it ends; duplicates are ignored. */
  @SignalMethod(name = "contactFinished")
  void contactFinished(ContactOutcome outcome);
}
