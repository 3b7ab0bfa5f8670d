package dev.vocero.workflows.campaigns;

import java.util.List;

/**
 * When a campaign calls, as validated by the API; plain strings so the payload is readable in the Web UI.
 *
 * @param startDate   first day (ISO date, in the campaign's time zone)
 * @param endDate     last day, inclusive
 * @param weekdays    active days: MONDAY … SUNDAY
 * @param windowStart daily window start, "09:00"
 * @param windowEnd   daily window end, "18:00" (after the start, same day)
 * @param timeZone    IANA zone id, "America/Bogota"
 */
public record CampaignSchedule(String startDate, String endDate, List<String> weekdays, String windowStart,
    String windowEnd, String timeZone) {}
