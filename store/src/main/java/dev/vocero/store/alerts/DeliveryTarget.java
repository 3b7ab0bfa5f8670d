package dev.vocero.store.alerts;

import java.time.Instant;
import java.util.UUID;

/** A delivery with what sending it needs: the webhook's URL, secret and whether it is still enabled. */
public record DeliveryTarget(
    UUID id,
    UUID orgId,
    UUID eventId,
    String eventType,
    UUID alertId,
    String status,
    int attempts,
    Instant createdAt,
    String url,
    String secret,
    boolean enabled) {}
