package dev.vocero.workflows.campaigns;

import java.util.List;

/**
 * Answer of the campaign's {@code progress} query.
 *
 * @param day           today's date in the campaign's zone when inside or waiting for a window, else null
 * @param windowStart   start of the current or next window (epoch ms), 0 when none is left
 * @param startedToday  contacts started by its batches in the current window
 * @param quotaReached  the daily quota stopped new calls until the next window
 */
public record CampaignProgress(String state, String day, long windowStart, long windowEnd, int dailyQuota,
    int startedToday, boolean quotaReached, int startedTotal, int daysRun, List<CampaignBatch> batches) {}
