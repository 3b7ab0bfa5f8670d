package dev.vocero.store.campaigns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
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
    String pauseReason) {

  private static final TypeReference<Map<String, Integer>> QUOTAS = new TypeReference<>() {};

  /** {@link #messageQuotas()} read: messages per day by channel (sms, whatsapp); empty when none is set. */
  public Map<String, Integer> messageQuotaMap(ObjectMapper json) {
    if (messageQuotas == null) {
      return Map.of();
    }
    try {
      return json.readValue(messageQuotas, QUOTAS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored message quotas are not readable: " + e.getOriginalMessage(), e);
    }
  }
}
