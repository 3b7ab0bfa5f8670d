package dev.vocero.activities.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.campaigns.CampaignBatchActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Holds and releases a campaign's batches through the batch workflow's own pause/resume updates. Reads the progress
 * first so a retried activity does not fail on "already paused"; a validator refusal (the batch just ended) answers
 * with the progress as it is now.
 */
public final class CampaignBatchActivitiesImpl implements CampaignBatchActivities {
  private final WorkflowClient temporal;

  public CampaignBatchActivitiesImpl(WorkflowClient temporal) {
    this.temporal = temporal;
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
    if (now == null || !open(now) || now.paused() == pause) {
      return now;
    }
    try {
      return update.apply(stub(batchId));
    } catch (WorkflowUpdateException | WorkflowNotFoundException e) {
      return batchProgress(batchId);
    }
  }

  private static boolean open(BatchProgress progress) {
    return "running".equals(progress.status()) || "paused".equals(progress.status());
  }

  private CallBatchWorkflow stub(UUID batchId) {
    return temporal.newWorkflowStub(CallBatchWorkflow.class, CallIds.batchWorkflowId(batchId));
  }
}
