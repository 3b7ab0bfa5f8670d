package dev.vocero.store.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * One SMS or WhatsApp message: outbound (a wave's, or the assistant's when {@code automatic}) or inbound (a contact's
 * reply). {@code segments}: the SMS segments it is priced on (null for WhatsApp and inbound messages).
 */
public record MessageRow(
    UUID id,
    UUID orgId,
    UUID waveId,
    Long contactId,
    String phoneE164,
    String channel,
    String direction,
    String body,
    String contentSid,
    String contentVariables,
    String provider,
    String providerSid,
    String state,
    String errorCode,
    int sendAttempts,
    boolean automatic,
    Instant createdAt,
    Instant updatedAt,
    Integer segments,
    String ruleId) {

  public boolean finished() {
    return switch (state) {
      case "failed", "cancelled", "delivered", "read", "received" -> true;
      default -> false;
    };
  }
}
