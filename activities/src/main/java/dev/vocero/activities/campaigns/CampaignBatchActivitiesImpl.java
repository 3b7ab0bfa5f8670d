package dev.vocero.activities.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.campaigns.CampaignBatchActivities;
import dev.vocero.workflows.campaigns.CampaignBatchControl;
import io.temporal.client.WorkflowClient;
import java.util.UUID;

/** The campaign's batch holds as activities: each is one idempotent call of {@link CampaignBatchControl}. */
public final class CampaignBatchActivitiesImpl implements CampaignBatchActivities {
  private final CampaignBatchControl batches;

  public CampaignBatchActivitiesImpl(WorkflowClient temporal) {
    this.batches = new CampaignBatchControl(temporal);
  }

  @Override
  public BatchProgress startBatch(BatchStart start) {
    return batches.startBatch(start);
  }

  @Override
  public BatchProgress holdBatch(UUID batchId) {
    return batches.holdBatch(batchId);
  }

  @Override
  public BatchProgress releaseBatch(UUID batchId) {
    return batches.releaseBatch(batchId);
  }

  @Override
  public BatchProgress batchProgress(UUID batchId) {
    return batches.batchProgress(batchId);
  }
}
