package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.campaigns.CampaignBatchActivities.BatchStart;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.util.UUID;

/** The campaign's batches: started and read by activities, held and released through the batch's own updates. */
final class BatchControl implements MemberControl<CampaignBatch, BatchProgress> {
  private final CampaignBatchActivities activities =
      Workflow.newActivityStub(CampaignBatchActivities.class, CampaignActivityOptions.io());
  private final UUID orgId;
  private final UUID campaignId;

  BatchControl(UUID orgId, UUID campaignId) {
    this.orgId = orgId;
    this.campaignId = campaignId;
  }

  @Override
  public String kind() {
    return "batch";
  }

  @Override
  public BatchProgress start(CampaignBatch batch) {
    return activities.startBatch(new BatchStart(orgId, campaignId, batch.batchId(), batch.settings()));
  }

  @Override
  public BatchProgress hold(CampaignBatch batch) {
    return activities.holdBatch(batch.batchId());
  }

  @Override
  public BatchProgress release(CampaignBatch batch) {
    return activities.releaseBatch(batch.batchId());
  }

  @Override
  public BatchProgress progress(CampaignBatch batch) {
    return activities.batchProgress(batch.batchId());
  }

  @Override
  public boolean cancel(CampaignBatch batch, String reason) {
    try {
      Workflow.newExternalWorkflowStub(CallBatchWorkflow.class, CallIds.batchWorkflowId(batch.batchId())).cancel(reason);
      return true;
    } catch (SignalExternalWorkflowException | ApplicationFailure e) {
      return false;
    }
  }

  @Override
  public boolean mayRunBeforeLaunch() {
    return true;
  }

  @Override
  public MemberStatus ended(BatchProgress progress) {
    return switch (progress.status()) {
      case COMPLETED -> MemberStatus.COMPLETED;
      case CANCELLED -> MemberStatus.CANCELLED;
      default -> null;
    };
  }

  @Override
  public int count(BatchProgress progress) {
    return progress.started();
  }

  @Override
  public boolean paused(BatchProgress progress) {
    return progress.paused();
  }

  @Override
  public String pauseReason(BatchProgress progress) {
    return progress.pauseReason();
  }

  @Override
  public CampaignBatch seen(CampaignBatch batch, MemberStatus status, BatchProgress progress) {
    return new CampaignBatch(batch.batchId(), batch.settings(), true, status, progress.started(), progress.finished());
  }

  @Override
  public CampaignBatch withStatus(CampaignBatch batch, boolean launched, MemberStatus status) {
    return new CampaignBatch(batch.batchId(), batch.settings(), launched, status, batch.started(), batch.finished());
  }
}
