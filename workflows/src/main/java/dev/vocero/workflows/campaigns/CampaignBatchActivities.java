package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.BatchSettings;
import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/**
 * Holds and releases a campaign's batch workflows through their own {@code pause}/{@code resume} updates (a workflow
 * cannot send an update itself) and reads their {@code progress}. Each returns the batch's progress, or null when no
 * workflow of that batch exists yet. Idempotent: pausing a paused batch returns its progress.
 */
@ActivityInterface(namePrefix = "CampaignBatch")
public interface CampaignBatchActivities {

  /**
   * Starts the batch's workflow (not a child: it outlives each daily run of the campaign); when it already exists,
   * answers its progress instead.
   */
  BatchProgress startBatch(BatchStart start);

  BatchProgress holdBatch(UUID batchId);

  BatchProgress releaseBatch(UUID batchId);

  BatchProgress batchProgress(UUID batchId);

  record BatchStart(UUID orgId, UUID campaignId, UUID batchId, BatchSettings settings) {}
}
