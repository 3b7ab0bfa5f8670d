package dev.vocero.store.accounts;

import java.time.Instant;
import java.util.UUID;

public record OrganizationRow(UUID id, String name, Instant createdAt) {}
