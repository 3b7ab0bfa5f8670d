package dev.vocero.api.campaigns;

import dev.vocero.store.campaigns.CampaignRow;
import java.time.Instant;

/**
 * The Excel report of a campaign, as the API needs it. Implemented with POI in the activities module and handed to
 * the API by the workers module, which wires both.
 */
public interface CampaignReports {

  /** The whole xlsx of {@code campaign}, already checked to belong to the caller's organization. */
  byte[] write(CampaignRow campaign, Instant generatedAt);
}
