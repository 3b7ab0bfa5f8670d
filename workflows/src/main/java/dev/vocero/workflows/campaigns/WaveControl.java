package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.campaigns.CampaignWaveActivities.WaveStart;
import dev.vocero.workflows.messaging.MessageWaveWorkflow;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.WaveProgress;
import dev.vocero.workflows.messaging.WaveStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.util.UUID;

/** The campaign's message waves: always started by the campaign, so one never launched has nothing to hold. */
final class WaveControl implements MemberControl<CampaignWave, WaveProgress> {
  private final CampaignWaveActivities activities =
      Workflow.newActivityStub(CampaignWaveActivities.class, CampaignActivityOptions.io());
  private final UUID orgId;
  private final UUID campaignId;

  WaveControl(UUID orgId, UUID campaignId) {
    this.orgId = orgId;
    this.campaignId = campaignId;
  }

  @Override
  public String kind() {
    return "wave";
  }

  @Override
  public WaveProgress start(CampaignWave wave) {
    return activities.startWave(new WaveStart(orgId, campaignId, wave.waveId(), wave.perMinute()));
  }

  @Override
  public WaveProgress hold(CampaignWave wave) {
    return activities.holdWave(wave.waveId());
  }

  @Override
  public WaveProgress release(CampaignWave wave) {
    return activities.releaseWave(wave.waveId());
  }

  @Override
  public WaveProgress progress(CampaignWave wave) {
    return activities.waveProgress(wave.waveId());
  }

  @Override
  public boolean cancel(CampaignWave wave, String reason) {
    try {
      Workflow.newExternalWorkflowStub(MessageWaveWorkflow.class, MessagingIds.waveWorkflowId(wave.waveId()))
          .cancel(reason);
      return true;
    } catch (SignalExternalWorkflowException | ApplicationFailure e) {
      return false;
    }
  }

  @Override
  public boolean mayRunBeforeLaunch() {
    return false;
  }

  @Override
  public MemberStatus ended(WaveProgress progress) {
    return switch (progress.status()) {
      case COMPLETED -> MemberStatus.COMPLETED;
      case CANCELLED -> MemberStatus.CANCELLED;
      default -> null;
    };
  }

  @Override
  public int count(WaveProgress progress) {
    return progress.sent();
  }

  @Override
  public boolean paused(WaveProgress progress) {
    return progress.status() == WaveStatus.PAUSED;
  }

  @Override
  public String pauseReason(WaveProgress progress) {
    return progress.pauseReason();
  }

  @Override
  public CampaignWave seen(CampaignWave wave, MemberStatus status, WaveProgress progress) {
    return wave.with(true, status, progress.sent(), progress.skipped(), progress.failed(), progress.waiting());
  }

  @Override
  public CampaignWave withStatus(CampaignWave wave, boolean launched, MemberStatus status) {
    return wave.with(launched, status, wave.sent(), wave.skipped(), wave.failed(), wave.waiting());
  }
}
