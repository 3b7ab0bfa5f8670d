package dev.vocero.store.events;

import java.time.Instant;
import java.util.UUID;

/** A business event in the outbox; {@code data} is its JSON object as stored (the same text on every delivery). */
public record WebhookEventRow(UUID id, UUID orgId, String type, Instant occurredAt, String data, Instant createdAt) {}
