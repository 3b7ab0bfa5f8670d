package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.util.UUID;
import java.util.function.Function;

/** The batch control of the tests: the same client calls the worker's implementation makes, on the test server. */
class ClientBatchControl implements CampaignBatchActivities {
  private final WorkflowClient client;

  ClientBatchControl(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public BatchProgress holdBatch(UUID batchId) {
    return change(batchId, true, CallBatchWorkflow::pause);
  }

  @Override
  public BatchProgress releaseBatch(UUID batchId) {
    return change(batchId, false, CallBatchWorkflow::resume);
  }

  @Override
  public BatchProgress batchProgress(UUID batchId) {
    try {
      return stub(batchId).progress();
    } catch (WorkflowNotFoundException e) {
      return null;
    }
  }

  private BatchProgress change(UUID batchId, boolean pause, Function<CallBatchWorkflow, BatchProgress> update) {
    BatchProgress now = batchProgress(batchId);
    if (now == null || !"running".equals(now.status()) && !"paused".equals(now.status()) || now.paused() == pause) {
      return now;
    }
    try {
      return update.apply(stub(batchId));
    } catch (WorkflowUpdateException | WorkflowNotFoundException e) {
      return batchProgress(batchId);
    }
  }

  private CallBatchWorkflow stub(UUID batchId) {
    return client.newWorkflowStub(CallBatchWorkflow.class, CallIds.batchWorkflowId(batchId));
  }
}
