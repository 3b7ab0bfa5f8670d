package dev.vocero.api.auth;

import java.security.Principal;
import java.util.UUID;

/** The authenticated caller, taken from a verified access token. */
public record VoceroPrincipal(UUID userId, UUID orgId, String email, Role role) implements Principal {
  @Override
  public String getName() {
    return userId.toString();
  }
}
