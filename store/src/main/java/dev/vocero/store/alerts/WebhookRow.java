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

  /** The only event type so far. */
  public static final String ALERT_RAISED = "alert.raised";
}
