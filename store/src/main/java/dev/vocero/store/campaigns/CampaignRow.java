package dev.vocero.store.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A campaign: its schedule (dates, weekdays, daily window in its time zone), daily quota and state.
 * {@code messageQuotas} is a JSON object such as {"sms": 500}; {@code pauseReason} says why it paused itself.
 */
public record CampaignRow(
    UUID id,
    UUID orgId,
    String name,
    String state,
    LocalDate startDate,
    LocalDate endDate,
    List<String> weekdays,
    LocalTime windowStart,
    LocalTime windowEnd,
    String timeZone,
    int dailyQuota,
    int startedTotal,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant scheduledAt,
    Instant endedAt,
    String messageQuotas,
    String pauseReason) {}
