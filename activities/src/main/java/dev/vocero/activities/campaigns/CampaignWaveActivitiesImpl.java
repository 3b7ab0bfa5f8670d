package dev.vocero.activities.campaigns;

import dev.vocero.workflows.campaigns.CampaignWaveActivities;
import dev.vocero.workflows.campaigns.CampaignWaveControl;
import dev.vocero.workflows.messaging.WaveProgress;
import io.temporal.client.WorkflowClient;
import java.util.UUID;

/** The campaign's wave holds as activities: each is one idempotent call of {@link CampaignWaveControl}. */
public final class CampaignWaveActivitiesImpl implements CampaignWaveActivities {
  private final CampaignWaveControl waves;

  public CampaignWaveActivitiesImpl(WorkflowClient temporal) {
    this.waves = new CampaignWaveControl(temporal);
  }

  @Override
  public WaveProgress startWave(WaveStart start) {
    return waves.startWave(start);
  }

  @Override
  public WaveProgress holdWave(UUID waveId) {
    return waves.holdWave(waveId);
  }

  @Override
  public WaveProgress releaseWave(UUID waveId) {
    return waves.releaseWave(waveId);
  }

  @Override
  public WaveProgress waveProgress(UUID waveId) {
    return waves.waveProgress(waveId);
  }
}
