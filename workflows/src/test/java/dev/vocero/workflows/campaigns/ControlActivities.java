package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.messaging.WaveProgress;
import io.temporal.client.WorkflowClient;
import java.util.UUID;

/**
 * The campaign's hold activities over the real {@link CampaignBatchControl} and {@link CampaignWaveControl}, as the
 * activities module runs them; here so the workflow tests need no module above this one.
 */
final class ControlActivities implements CampaignBatchActivities, CampaignWaveActivities {
  private final CampaignBatchControl batches;
  private final CampaignWaveControl waves;

  ControlActivities(WorkflowClient temporal) {
    this.batches = new CampaignBatchControl(temporal);
    this.waves = new CampaignWaveControl(temporal);
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
