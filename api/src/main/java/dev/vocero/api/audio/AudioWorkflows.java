package dev.vocero.api.audio;

import dev.vocero.api.errors.ApiException;
import dev.vocero.api.errors.TemporalErrors;
import dev.vocero.workflows.audio.AudioIds;
import dev.vocero.workflows.audio.AudioProcessingInput;
import dev.vocero.workflows.audio.AudioProcessingWorkflow;
import dev.vocero.workflows.audio.AudioStatus;
import dev.vocero.workflows.audio.ReprocessRequest;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributes;
import java.util.UUID;

/** The API's only door to audio workflows: start, cancel, reprocess. Temporal outages become 503s. */
public class AudioWorkflows {
  private final WorkflowClient client;

  public AudioWorkflows(WorkflowClient client) {
    this.client = client;
  }

  /** Starts processing; an already running workflow for this audio is left alone. */
  public void start(UUID orgId, UUID audioId, String language) {
    AudioProcessingWorkflow workflow = client.newWorkflowStub(AudioProcessingWorkflow.class, options(orgId, audioId)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE).build());
    try {
      WorkflowClient.start(workflow::process, new AudioProcessingInput(orgId, audioId, language));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // a retried request or a reconciliation found it running: nothing to do
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** Reprocesses: updates the running workflow, or starts a new run when the last one has closed. */
  public int reprocess(UUID orgId, UUID audioId, String language) {
    AudioProcessingWorkflow workflow = client.newWorkflowStub(AudioProcessingWorkflow.class, options(orgId, audioId)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING).build());
    WithStartWorkflowOperation<?> start =
        new WithStartWorkflowOperation<>(workflow::process, new AudioProcessingInput(orgId, audioId, language));
    try {
      return WorkflowClient.executeUpdateWithStart(workflow::reprocess, new ReprocessRequest(language),
          UpdateOptions.<Integer>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(), start);
    } catch (WorkflowUpdateException e) {
      String reason = e.getCause() == null ? e.getMessage() : TemporalErrors.rootMessage(e.getCause());
      throw ApiException.conflict("cannot_reprocess", "This audio cannot be reprocessed now: " + reason);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** Asks a running workflow to stop; a finished or unknown one is fine. */
  public void cancel(UUID audioId, String reason) {
    try {
      client.newWorkflowStub(AudioProcessingWorkflow.class, AudioIds.workflowId(audioId)).cancel(reason);
    } catch (WorkflowNotFoundException e) {
      // already closed
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  private static WorkflowOptions.Builder options(UUID orgId, UUID audioId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(AudioIds.workflowId(audioId))
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, orgId.toString())
            .set(VoceroSearchAttributes.KIND, AudioIds.KIND)
            .set(VoceroSearchAttributes.STATUS, AudioStatus.QUEUED.wire())
            .build());
  }

  private static RuntimeException translate(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && isOutage(s.getStatus().getCode())) {
        return TemporalErrors.unavailable(
            "The workflow engine (Temporal) is not reachable right now; nothing was stored. Try again shortly.");
      }
    }
    if (e instanceof WorkflowServiceException) {
      return TemporalErrors.unavailable(
          "The workflow engine (Temporal) did not accept the request; nothing was stored. Try again shortly.");
    }
    return e;
  }

  private static boolean isOutage(Status.Code code) {
    return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
        || code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.CANCELLED;
  }
}
