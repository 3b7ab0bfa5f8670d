package dev.vocero.store.alerts;

import java.time.Instant;
import java.util.UUID;

/** One event for one webhook ({@code replayOf}: the delivery this one replays); {@code status} pending, delivered or failed, {@code attempts} so far. */
public record DeliveryRow(
    UUID id,
    UUID orgId,
    UUID webhookId,
    UUID eventId,
    String eventType,
    UUID alertId,
    String status,
    int attempts,
    Integer lastStatusCode,
    String lastError,
    Instant createdAt,
    Instant updatedAt,
    Instant deliveredAt,
    UUID replayOf) {}
