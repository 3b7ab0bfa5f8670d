package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchSettings;
import java.util.UUID;

/**
 * One batch of a campaign, as carried across continue-as-new.
 *
 * @param launched its batch workflow exists (started by the campaign, or already running when attached)
 * @param status   last status seen: new, held, active, completed, cancelled
 * @param started  contacts the batch had started when last seen (its progress counter)
 */
public record CampaignBatch(UUID batchId, BatchSettings settings, boolean launched, MemberStatus status, int started,
    int finished) implements CampaignMember {

  public static CampaignBatch attached(UUID batchId, BatchSettings settings) {
    return new CampaignBatch(batchId, settings, false, MemberStatus.NEW, 0, 0);
  }

  @Override
  public UUID id() {
    return batchId;
  }

  @Override
  public int count() {
    return started;
  }

  @Override
  public boolean done() {
    return status.ended();
  }
}
