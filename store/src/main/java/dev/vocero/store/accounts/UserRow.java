package dev.vocero.store.accounts;

import java.time.Instant;
import java.util.UUID;

/** A user; {@code passwordHash} is a bcrypt hash and never leaves the server. */
public record UserRow(
    UUID id, UUID orgId, String email, String name, String role, String passwordHash, boolean active, Instant createdAt) {}
