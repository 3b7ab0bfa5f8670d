package dev.vocero.workflows.campaigns;

import java.util.UUID;

/** Workflow IDs of the campaigns feature. */
public final class CampaignIds {
  public static final String CAMPAIGN_KIND = "campaign";

  private CampaignIds() {}

  public static String campaignWorkflowId(UUID campaignId) {
    return "campaign:" + campaignId;
  }
}
