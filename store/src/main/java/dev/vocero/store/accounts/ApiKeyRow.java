package dev.vocero.store.accounts;

import java.time.Instant;
import java.util.UUID;

/** An API key without its secret hash, which never leaves the DAO. */
public record ApiKeyRow(UUID id, UUID orgId, String name, String prefix, String role, UUID createdBy,
    Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {}
