package dev.vocero.workflows.campaigns;

import io.temporal.activity.ActivityInterface;
import java.util.List;
import java.util.UUID;

/** Mirrors a campaign into PostgreSQL: its state and one roll-up row per day. */
@ActivityInterface(namePrefix = "Campaign")
public interface CampaignActivities {

  void recordState(StateChange change);

  /** Upserts the day's row: calls started (from the workflow) and calls finished by disposition (from the attempts). */
  void recordDay(DayRollup day);

  /** @param pauseReason why the campaign paused itself (no_credit), null otherwise */
  record StateChange(UUID orgId, UUID campaignId, CampaignState state, int startedTotal, String pauseReason) {}

  /**
   * @param date         ISO date in {@code timeZone}; attempts that ended during that local day are counted
   * @param messagesSent messages the campaign's waves sent during the window (from the workflow)
   * @param waveIds      the campaign's waves: their messages created that local day are counted by status (null in
   *                     runs from before campaigns had waves)
   */
  record DayRollup(UUID orgId, UUID campaignId, String date, String timeZone, int callsStarted, List<UUID> batchIds,
      int messagesSent, List<UUID> waveIds) {}
}
