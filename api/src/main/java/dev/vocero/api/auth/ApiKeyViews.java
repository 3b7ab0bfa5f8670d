package dev.vocero.api.auth;

import dev.vocero.store.accounts.ApiKeyRow;
import java.time.Instant;
import java.util.UUID;

/** Response bodies of the API-key endpoints. The secret appears only in {@link Created}, once. */
public final class ApiKeyViews {
  private ApiKeyViews() {}

  public record Key(UUID id, String name, String role, String prefix, UUID createdBy, Instant createdAt,
      Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
    public static Key of(ApiKeyRow row) {
      return new Key(row.id(), row.name(), row.role(), row.prefix(), row.createdBy(), row.createdAt(), row.expiresAt(),
          row.revokedAt(), row.lastUsedAt());
    }
  }

  /** {@code key}: send it as {@code Authorization: Bearer vk_…}; it cannot be shown again. */
  public record Created(UUID id, String name, String role, String prefix, String key, Instant createdAt,
      Instant expiresAt) {
    static Created of(ApiKeys.Issued issued) {
      ApiKeyRow row = issued.row();
      return new Created(row.id(), row.name(), row.role(), row.prefix(), issued.secret(), row.createdAt(),
          row.expiresAt());
    }
  }
}
