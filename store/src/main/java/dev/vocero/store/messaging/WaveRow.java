package dev.vocero.store.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A message wave: one template sent to the contacts of a batch (optionally those with one final disposition).
 * {@code pauseReason}: why a paused wave paused itself ({@code no_credit}), else null.
 */
public record WaveRow(
    UUID id,
    UUID orgId,
    String name,
    String channel,
    String body,
    String contentSid,
    String contentVariables,
    UUID sourceBatchId,
    String disposition,
    int perMinute,
    String status,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt,
    String pauseReason) {}
