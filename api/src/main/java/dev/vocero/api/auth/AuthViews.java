package dev.vocero.api.auth;

import dev.vocero.store.accounts.UserRow;
import java.time.Instant;
import java.util.UUID;

/** Response bodies of the auth and user endpoints. */
public final class AuthViews {
  private AuthViews() {}

  public record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {}

  public record User(UUID id, UUID organizationId, String email, String name, String role, boolean active,
      Instant createdAt) {
    public static User of(UserRow row) {
      return new User(row.id(), row.orgId(), row.email(), row.name(), row.role(), row.active(), row.createdAt());
    }
  }

  public record Me(User user, String organizationName) {}
}
