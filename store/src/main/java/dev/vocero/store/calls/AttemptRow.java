package dev.vocero.store.calls;

import java.time.Instant;
import java.util.UUID;

/** One dial attempt of a contact; {@code status} planned → placed → ended. */
public record AttemptRow(
    UUID id,
    UUID orgId,
    UUID batchId,
    long contactId,
    int attemptNumber,
    int phoneIndex,
    String phoneE164,
    String provider,
    String providerCallId,
    String status,
    String providerStatus,
    String disposition,
    String reason,
    String nextStep,
    String answeredBy,
    Integer durationSeconds,
    String recordingUrl,
    UUID audioId,
    Instant createdAt,
    Instant placedAt,
    Instant endedAt,
    String ruleId) {}
