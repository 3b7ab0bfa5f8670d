package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.messaging.Channel;
import java.util.UUID;

/**
 * One message wave of a campaign, as carried across continue-as-new.
 *
 * @param channel       sms or whatsapp: the daily quota that applies
 * @param perMinute     the wave's pace while it runs
 * @param sourceBatchId the batch whose contacts it messages
 * @param afterBatch    it waits until its source batch has ended (a wave that picks contacts by their call outcome
 *                      would otherwise page past contacts not called yet and never message them)
 * @param launched      its wave workflow exists
 * @param status        last status seen: new, held, active, completed, cancelled
 * @param waiting       contacts the contact policy deferred, as the wave's progress last said (0 in a campaign's
 *                      state carried from before this field: a new field old payloads do without)
 */
public record CampaignWave(UUID waveId, Channel channel, int perMinute, UUID sourceBatchId, boolean afterBatch,
    boolean launched, MemberStatus status, int sent, int skipped, int failed, int waiting) implements CampaignMember {

  public CampaignWave(UUID waveId, Channel channel, int perMinute, UUID sourceBatchId, boolean afterBatch,
      boolean launched, MemberStatus status, int sent, int skipped, int failed) {
    this(waveId, channel, perMinute, sourceBatchId, afterBatch, launched, status, sent, skipped, failed, 0);
  }

  public static CampaignWave attached(UUID waveId, Channel channel, int perMinute, UUID sourceBatchId,
      boolean afterBatch) {
    return new CampaignWave(waveId, channel, perMinute, sourceBatchId, afterBatch, false, MemberStatus.NEW, 0, 0, 0);
  }

  @Override
  public UUID id() {
    return waveId;
  }

  @Override
  public int count() {
    return sent;
  }

  @Override
  public boolean done() {
    return status.ended();
  }

  CampaignWave with(boolean nowLaunched, MemberStatus nowStatus, int nowSent, int nowSkipped, int nowFailed,
      int nowWaiting) {
    return new CampaignWave(waveId, channel, perMinute, sourceBatchId, afterBatch, nowLaunched, nowStatus, nowSent,
        nowSkipped, nowFailed, nowWaiting);
  }
}
