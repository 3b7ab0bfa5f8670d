package dev.vocero.store.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organization's outbound webhook; {@code secret} signs every delivery and is never shown after creation. */
public record WebhookRow(
    UUID id,
    UUID orgId,
    String url,
    String secret,
    String description,
    boolean enabled,
    List<String> eventTypes,
    Instant createdAt,
    Instant updatedAt) {

  public static final String ALERT_RAISED = "alert.raised";
  public static final String CALL_COMPLETED = "call.completed";
  public static final String BATCH_COMPLETED = "batch.completed";
  public static final String CAMPAIGN_DAY_COMPLETED = "campaign.day_completed";
  public static final String CAMPAIGN_PAUSED = "campaign.paused";
  public static final String MESSAGE_STATUS = "message.status";
  public static final String AUDIO_COMPLETED = "audio.completed";

  /** Every event type a webhook can subscribe to; all but alert.raised come from the outbox (migration V27). */
  public static final List<String> EVENT_TYPES = List.of(ALERT_RAISED, CALL_COMPLETED, BATCH_COMPLETED,
      CAMPAIGN_DAY_COMPLETED, CAMPAIGN_PAUSED, MESSAGE_STATUS, AUDIO_COMPLETED);
}
