package dev.vocero.workflows.calls;

import dev.vocero.workflows.audio.AudioIds;
import dev.vocero.workflows.audio.AudioProcessingInput;
import dev.vocero.workflows.audio.AudioProcessingWorkflow;
import dev.vocero.workflows.audio.AudioStatus;
import dev.vocero.workflows.calls.CallRecordingActivities.RecordingRequest;
import dev.vocero.workflows.calls.CallRecordingActivities.StoredRecording;
import dev.vocero.workflows.common.Failures;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import dev.vocero.workflows.common.WorkflowLabels;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.util.UUID;
import org.slf4j.Logger;

/** Stores a call's recording as an audio and hands it to its own processing workflow, which outlives the call's. */
final class RecordingHandoff {
  private final CallRecordingActivities recorder =
      Workflow.newActivityStub(CallRecordingActivities.class, CallActivityOptions.storeRecording());
  private final UUID orgId;
  private final long contactId;
  private final Logger log;

  RecordingHandoff(UUID orgId, long contactId, Logger log) {
    this.orgId = orgId;
    this.contactId = contactId;
    this.log = log;
  }

  void handOff(RecordingEvent recording) {
    StoredRecording stored;
    try {
      stored = recorder.storeRecording(new RecordingRequest(orgId, recording.attemptId(), recording));
    } catch (ActivityFailure e) {
      log.warn("Recording of attempt {} (contact {}) not stored: {}", recording.attemptId(), contactId,
          Failures.type(e));
      return;
    }
    AudioProcessingWorkflow child =
        Workflow.newChildWorkflowStub(AudioProcessingWorkflow.class, audioOptions(stored.audioId()));
    Async.function(child::process, new AudioProcessingInput(orgId, stored.audioId(), stored.language()));
    try {
      Workflow.getWorkflowExecution(child).get();
    } catch (ChildWorkflowFailure e) {
      log.info("Audio {} of attempt {} was already being processed", stored.audioId(), recording.attemptId());
    }
  }

  /** Abandoned on close: transcription goes on after this contact ends. */
  private ChildWorkflowOptions audioOptions(UUID audioId) {
    return WorkflowLabels.recordingOfThisBatch("Call recording of contact #" + contactId)
        .applyTo(ChildWorkflowOptions.newBuilder())
        .setWorkflowId(AudioIds.workflowId(audioId))
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, orgId.toString())
            .set(VoceroSearchAttributes.KIND, AudioIds.KIND)
            .set(VoceroSearchAttributes.STATUS, AudioStatus.QUEUED.wire())
            .build())
        .build();
  }
}
