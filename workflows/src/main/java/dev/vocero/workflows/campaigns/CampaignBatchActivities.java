package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/**
 * Holds and releases a campaign's batch workflows through their own {@code pause}/{@code resume} updates (a workflow
 * cannot send an update itself) and reads their {@code progress}. Each returns the batch's progress, or null when no
 * workflow of that batch exists yet. Idempotent: pausing a paused batch returns its progress.
 */
@ActivityInterface(namePrefix = "CampaignBatch")
public interface CampaignBatchActivities {

  BatchProgress holdBatch(UUID batchId);

  BatchProgress releaseBatch(UUID batchId);

  BatchProgress batchProgress(UUID batchId);
}
