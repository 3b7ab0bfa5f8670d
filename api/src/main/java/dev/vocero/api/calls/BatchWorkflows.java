package dev.vocero.api.calls;

import dev.vocero.api.errors.ApiException;
import dev.vocero.api.errors.TemporalErrors;
import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.CallBatchInput;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.calls.PaceChange;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import java.util.UUID;
import java.util.function.Function;

/** The API's door to batch workflows: start, pause, resume, pace, cancel, progress. */
public class BatchWorkflows {
  private final WorkflowClient client;

  public BatchWorkflows(WorkflowClient client) {
    this.client = client;
  }

  public void start(UUID orgId, UUID batchId, BatchSettings settings) {
    CallBatchWorkflow workflow = client.newWorkflowStub(CallBatchWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(CallIds.batchWorkflowId(batchId))
        .setTaskQueue(TaskQueues.BATCHES)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, orgId.toString())
            .set(VoceroSearchAttributes.KIND, CallIds.BATCH_KIND)
            .set(VoceroSearchAttributes.BATCH_ID, batchId.toString())
            .set(VoceroSearchAttributes.STATUS, "running")
            .build())
        .build());
    call(() -> WorkflowClient.start(workflow::run, CallBatchInput.first(orgId, batchId, settings)));
  }

  public BatchProgress pause(UUID batchId) {
    return update(batchId, CallBatchWorkflow::pause);
  }

  public BatchProgress resume(UUID batchId) {
    return update(batchId, CallBatchWorkflow::resume);
  }

  public BatchProgress setPace(UUID batchId, PaceChange change) {
    return update(batchId, w -> w.setPace(change));
  }

  public void cancel(UUID batchId, String reason) {
    call(() -> {
      stub(batchId).cancel(reason);
      return null;
    });
  }

  private BatchProgress update(UUID batchId, Function<CallBatchWorkflow, BatchProgress> update) {
    try {
      return call(() -> update.apply(stub(batchId)));
    } catch (WorkflowUpdateException e) {
      throw ApiException.conflict("batch_state", "The batch cannot do that now: " + TemporalErrors.rootMessage(e));
    }
  }

  private CallBatchWorkflow stub(UUID batchId) {
    return client.newWorkflowStub(CallBatchWorkflow.class, CallIds.batchWorkflowId(batchId));
  }

  private static <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (WorkflowNotFoundException e) {
      throw ApiException.conflict("batch_finished", "The batch has already finished.");
    } catch (WorkflowUpdateException e) {
      throw e;
    } catch (WorkflowServiceException | StatusRuntimeException e) {
      throw TemporalErrors.unavailable("The workflow engine (Temporal) is not reachable right now. Try again shortly.");
    }
  }
}
