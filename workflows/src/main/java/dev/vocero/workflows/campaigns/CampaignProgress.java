package dev.vocero.workflows.campaigns;

import java.util.List;
import java.util.Map;

/**
 * Answer of the campaign's {@code progress} query.
 *
 * @param day           today's date in the campaign's zone when inside or waiting for a window, else null
 * @param windowStart   start of the current or next window (epoch ms), 0 when none is left
 * @param startedToday  contacts started by its batches in the current window
 * @param quotaReached  the daily quota stopped new calls until the next window
 * @param sentToday     messages sent by its waves in the current window, per channel
 * @param quotaReachedChannels message channels whose daily quota stopped their waves until the next window
 * @param pauseReason   why the campaign paused itself (no_credit), null otherwise
 */
public record CampaignProgress(CampaignState state, String day, long windowStart, long windowEnd, int dailyQuota,
    int startedToday, boolean quotaReached, int startedTotal, int daysRun, List<CampaignBatch> batches,
    List<CampaignWave> waves, Map<String, Integer> messageQuotas, Map<String, Integer> sentToday,
    List<String> quotaReachedChannels, String pauseReason) {}
