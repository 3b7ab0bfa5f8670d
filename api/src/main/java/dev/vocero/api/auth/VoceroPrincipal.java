package dev.vocero.api.auth;

import java.security.Principal;
import java.util.UUID;

/** The authenticated caller, taken from a verified access token ({@code tokenId}: its jti, null before one is issued). */
public record VoceroPrincipal(UUID userId, UUID orgId, String email, Role role, UUID tokenId) implements Principal {

  public VoceroPrincipal(UUID userId, UUID orgId, String email, Role role) {
    this(userId, orgId, email, role, null);
  }

  public VoceroPrincipal withRole(Role current) {
    return new VoceroPrincipal(userId, orgId, email, current, tokenId);
  }

  @Override
  public String getName() {
    return userId.toString();
  }
}
