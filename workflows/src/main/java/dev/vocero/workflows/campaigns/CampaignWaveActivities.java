package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.messaging.WaveProgress;
import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/**
 * Starts, holds and releases a campaign's message waves through the wave workflow's own pause/resume updates, and
 * reads their progress. Each returns the wave's progress, or null when no workflow of that wave exists. Idempotent.
 */
@ActivityInterface(namePrefix = "CampaignWave")
public interface CampaignWaveActivities {

  /** Starts the wave's workflow (its own, not a child); when it already exists, answers its progress instead. */
  WaveProgress startWave(WaveStart start);

  WaveProgress holdWave(UUID waveId);

  WaveProgress releaseWave(UUID waveId);

  WaveProgress waveProgress(UUID waveId);

  record WaveStart(UUID orgId, UUID campaignId, UUID waveId, int perMinute) {}
}
