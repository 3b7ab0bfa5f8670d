package dev.vocero.workflows.campaigns;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Start input of {@link CampaignWorkflow}, and what one day's run hands to the next by continue-as-new.
 *
 * @param state         scheduled, running or paused
 * @param daysRun       days (windows) already run and rolled up
 * @param lastDay       the last day rolled up (ISO date), null before the first
 * @param waves         message waves (null in runs started before campaigns had waves)
 * @param messageQuotas messages per day and channel (sms, whatsapp); absent or 0 means no quota
 * @param pauseReason   why the campaign paused itself (no_credit); null when paused by a person
 */
public record CampaignInput(UUID orgId, UUID campaignId, CampaignSchedule schedule, int dailyQuota,
    List<CampaignBatch> batches, CampaignState state, int daysRun, String lastDay, List<CampaignWave> waves,
    Map<String, Integer> messageQuotas, String pauseReason) {

  public static CampaignInput first(UUID orgId, UUID campaignId, CampaignSchedule schedule, int dailyQuota,
      List<CampaignBatch> batches) {
    return first(orgId, campaignId, schedule, dailyQuota, batches, List.of(), Map.of());
  }

  public static CampaignInput first(UUID orgId, UUID campaignId, CampaignSchedule schedule, int dailyQuota,
      List<CampaignBatch> batches, List<CampaignWave> waves, Map<String, Integer> messageQuotas) {
    return new CampaignInput(orgId, campaignId, schedule, dailyQuota, batches, CampaignState.SCHEDULED, 0, null,
        waves, messageQuotas, null);
  }
}
