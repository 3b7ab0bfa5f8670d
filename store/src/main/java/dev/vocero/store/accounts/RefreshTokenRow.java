package dev.vocero.store.accounts;

import java.time.Instant;
import java.util.UUID;

/** A refresh token, stored only as a SHA-256 hash of the opaque value handed to the client. */
public record RefreshTokenRow(
    UUID id,
    UUID orgId,
    UUID userId,
    UUID familyId,
    String tokenHash,
    Instant expiresAt,
    Instant usedAt,
    Instant revokedAt,
    Instant createdAt) {}
