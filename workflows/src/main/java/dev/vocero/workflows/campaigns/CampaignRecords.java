package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.campaigns.CampaignActivities.DayRollup;
import dev.vocero.workflows.campaigns.CampaignActivities.StateChange;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;

/** What the campaign writes to PostgreSQL: its state (also the status search attribute) and each day's roll-up. */
final class CampaignRecords {
  private final CampaignActivities activities =
      Workflow.newActivityStub(CampaignActivities.class, CampaignActivityOptions.io());
  private final UUID orgId;
  private final UUID campaignId;
  private final Logger log;
  private CampaignState mirrored;

  /** {@code mirrored}: the state already written (by an earlier run), null when none. */
  CampaignRecords(UUID orgId, UUID campaignId, CampaignState mirrored, Logger log) {
    this.orgId = orgId;
    this.campaignId = campaignId;
    this.mirrored = mirrored;
    this.log = log;
  }

  /** Writes the state when it changed; a failed write is logged, not fatal. */
  void state(CampaignState state, int startedTotal, String pauseReason) {
    if (state == mirrored) {
      return;
    }
    mirrored = state;
    if (!state.wire().equals(Workflow.getTypedSearchAttributes().get(VoceroSearchAttributes.STATUS))) {
      Workflow.upsertTypedSearchAttributes(VoceroSearchAttributes.STATUS.valueSet(state.wire()));
    }
    try {
      activities.recordState(new StateChange(orgId, campaignId, state, startedTotal, pauseReason));
    } catch (ActivityFailure e) {
      log.warn("Campaign {} state {} not mirrored to PostgreSQL", campaignId, state);
    }
  }

  void day(String date, String timeZone, int started, List<UUID> batchIds, int sent, List<UUID> waveIds) {
    try {
      activities.recordDay(new DayRollup(orgId, campaignId, date, timeZone, started, batchIds, sent, waveIds));
    } catch (ActivityFailure e) {
      log.warn("Campaign {}: the roll-up of {} was not recorded", campaignId, date);
    }
  }
}
