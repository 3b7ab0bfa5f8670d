package dev.vocero.activities.campaigns;

import dev.vocero.workflows.campaigns.CampaignIds;
import dev.vocero.workflows.campaigns.CampaignWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.Collection;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a campaign that one of its batches or waves ended ({@code memberEnded}), so it reads its members now instead of
 * at its next poll (up to ten minutes away without quotas): a wave waiting for its batch starts, and a campaign whose
 * members are all done completes. Best effort: a campaign not running (a draft, or ended) has nothing to wake, and the
 * poll stays the fallback.
 */
public final class CampaignWakeUp {
  private static final Logger LOG = LoggerFactory.getLogger(CampaignWakeUp.class);

  private final WorkflowClient temporal;

  public CampaignWakeUp(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  /** @param member what ended, for the log ("batch …", "wave …") */
  public void memberEnded(Collection<UUID> campaignIds, String member) {
    for (UUID campaignId : campaignIds) {
      try {
        temporal.newWorkflowStub(CampaignWorkflow.class, CampaignIds.campaignWorkflowId(campaignId)).memberEnded();
      } catch (WorkflowNotFoundException e) {
        LOG.debug("Campaign {} of {} is not running: nothing to wake", campaignId, member);
      } catch (RuntimeException e) {
        LOG.warn("Campaign {} not told that {} ended (it reads it at its next poll): {}", campaignId, member,
            e.toString());
      }
    }
  }
}
