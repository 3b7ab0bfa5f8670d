package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.BatchStatus;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.calls.CallBatchInput;
import dev.vocero.workflows.campaigns.CampaignBatchActivities.BatchStart;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Holds and releases a campaign's batches through the batch workflow's own pause/resume updates. Reads the progress
 * first so a retried activity does not fail on "already paused"; a validator refusal (the batch just ended) answers
 * with the progress as it is now. A closed batch is read from its result (a query would replay its last run).
 * A Temporal client of the batch workflow's contract, so it lives beside that contract; the activities module's
 * {@code CampaignBatchActivitiesImpl} runs it as an activity, and the workflow tests run it against the test server.
 */
public final class CampaignBatchControl {
  private final WorkflowClient temporal;

  public CampaignBatchControl(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  public BatchProgress startBatch(BatchStart start) {
    CallBatchWorkflow batch = temporal.newWorkflowStub(CallBatchWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(CallIds.batchWorkflowId(start.batchId()))
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, start.orgId().toString())
            .set(VoceroSearchAttributes.KIND, CallIds.BATCH_KIND)
            .set(VoceroSearchAttributes.BATCH_ID, start.batchId().toString())
            .set(VoceroSearchAttributes.CAMPAIGN_ID, start.campaignId().toString())
            .set(VoceroSearchAttributes.STATUS, BatchStatus.RUNNING.wire())
            .build())
        .build());
    try {
      WorkflowClient.start(batch::run, CallBatchInput.first(start.orgId(), start.batchId(), start.settings()));
      return new BatchProgress(BatchStatus.RUNNING, 0, 0, 0, false, start.settings().callsPerSecond(),
          start.settings().maxConcurrentCalls());
    } catch (WorkflowExecutionAlreadyStarted e) {
      return batchProgress(start.batchId());
    }
  }

  public BatchProgress holdBatch(UUID batchId) {
    return change(batchId, true, CallBatchWorkflow::pause);
  }

  public BatchProgress releaseBatch(UUID batchId) {
    return change(batchId, false, CallBatchWorkflow::resume);
  }

  public BatchProgress batchProgress(UUID batchId) {
    String workflowId = CallIds.batchWorkflowId(batchId);
    try {
      WorkflowExecutionStatus status = temporal.newUntypedWorkflowStub(workflowId).describe().getStatus();
      if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return stub(batchId).progress();
      }
      if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
        return temporal.newUntypedWorkflowStub(workflowId).getResult(BatchProgress.class);
      }
      return new BatchProgress(BatchStatus.CANCELLED, 0, 0, 0, false, 0, 0); // terminated, failed or timed out: closed for good
    } catch (WorkflowNotFoundException e) {
      return null;
    }
  }

  private BatchProgress change(UUID batchId, boolean pause, Function<CallBatchWorkflow, BatchProgress> update) {
    BatchProgress now = batchProgress(batchId);
    if (now == null || !open(now) || now.paused() == pause) {
      return now;
    }
    try {
      return update.apply(stub(batchId));
    } catch (WorkflowUpdateException | WorkflowNotFoundException e) {
      BatchProgress after = batchProgress(batchId);
      if (after != null && open(after) && after.paused() != pause && !(pause && "no_credit".equals(after.pauseReason()))) {
        // the run it reached continued as new (or the update raced a change): try again on the current run
        throw ApplicationFailure.newFailure("batch " + batchId + " did not take the " + (pause ? "pause" : "resume")
            + "; trying again", "BatchChangeRetry");
      }
      return after;
    }
  }

  private static boolean open(BatchProgress progress) {
    return progress.status() == BatchStatus.RUNNING || progress.status() == BatchStatus.PAUSED;
  }

  private CallBatchWorkflow stub(UUID batchId) {
    return temporal.newWorkflowStub(CallBatchWorkflow.class, CallIds.batchWorkflowId(batchId));
  }
}
