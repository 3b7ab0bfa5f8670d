package dev.vocero.workflows.campaigns;

import java.util.List;
import java.util.UUID;

/**
 * Start input of {@link CampaignWorkflow}, and what one day's run hands to the next by continue-as-new.
 *
 * @param state     scheduled, running or paused
 * @param daysRun   days (windows) already run and rolled up
 * @param lastDay   the last day rolled up (ISO date), null before the first
 */
public record CampaignInput(UUID orgId, UUID campaignId, CampaignSchedule schedule, int dailyQuota,
    List<CampaignBatch> batches, String state, int daysRun, String lastDay) {

  public static CampaignInput first(UUID orgId, UUID campaignId, CampaignSchedule schedule, int dailyQuota,
      List<CampaignBatch> batches) {
    return new CampaignInput(orgId, campaignId, schedule, dailyQuota, batches, CampaignStates.SCHEDULED, 0, null);
  }
}
