package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.BatchStatus;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.calls.CallBatchInput;
import dev.vocero.workflows.campaigns.CampaignBatchActivities.BatchStart;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.UUID;

/**
 * Holds and releases a campaign's batches through the batch workflow's own pause/resume updates. Reads the progress
 * first so a retried activity does not fail on "already paused"; a validator refusal (the batch just ended) answers
 * with the progress as it is now. A closed batch is read from its result (a query would replay its last run).
 * A Temporal client of the batch workflow's contract, so it lives beside that contract; the activities module's
 * {@code CampaignBatchActivitiesImpl} runs it as an activity, and the workflow tests run it against the test server.
 * Every call is bounded ({@link ControlCalls}): a run caught continuing as new, or a call that does not answer, fails the
 * activity retryably instead of blocking it.
 */
public final class CampaignBatchControl {
  private final WorkflowClient temporal;
  private final ControlCalls calls;

  public CampaignBatchControl(WorkflowClient temporal) {
    this(temporal, ControlCalls.DEFAULT_BOUND);
  }

  CampaignBatchControl(WorkflowClient temporal, Duration bound) {
    this.temporal = temporal;
    this.calls = new ControlCalls(temporal, bound);
  }

  public BatchProgress startBatch(BatchStart start) {
    CallBatchWorkflow batch = temporal.newWorkflowStub(CallBatchWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(CallIds.batchWorkflowId(start.batchId()))
        .setTaskQueue(TaskQueues.BATCHES)
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
    return change(batchId, true, "pause");
  }

  public BatchProgress releaseBatch(UUID batchId) {
    return change(batchId, false, "resume");
  }

  public BatchProgress batchProgress(UUID batchId) {
    String workflowId = CallIds.batchWorkflowId(batchId);
    ControlCalls.Run run = calls.current(workflowId);
    if (run == null) {
      return null;
    }
    if (run.running()) {
      return calls.snapshot(workflowId, BatchProgress.class).withCreditWord();
    }
    if (run.completed()) {
      return calls.result(workflowId, run, BatchProgress.class);
    }
    if (run.continuedAsNew()) {
      throw ControlCalls.inTransition(workflowId);
    }
    return new BatchProgress(BatchStatus.CANCELLED, 0, 0, 0, false, 0, 0); // terminated, failed or timed out: closed for good
  }

  private BatchProgress change(UUID batchId, boolean pause, String update) {
    BatchProgress now = batchProgress(batchId);
    if (now == null || !open(now) || now.paused() == pause) {
      return now;
    }
    try {
      return calls.update(CallIds.batchWorkflowId(batchId), update, BatchProgress.class).withCreditWord();
    } catch (WorkflowUpdateException | WorkflowNotFoundException | WorkflowServiceException | StatusRuntimeException e) {
      // a refusal, or "workflow execution already completed": the run it reached continued as new; read again
      BatchProgress after = batchProgress(batchId);
      if (after != null && open(after) && after.paused() != pause && !(pause && after.pausedForCredit())) {
        throw ApplicationFailure.newFailure("batch " + batchId + " did not take the " + update + "; trying again",
            "BatchChangeRetry");
      }
      return after;
    }
  }

  private static boolean open(BatchProgress progress) {
    return progress.status() == BatchStatus.RUNNING || progress.status() == BatchStatus.PAUSED;
  }
}
