package dev.vocero.api.console;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import java.time.Instant;

/** Who is signed in to the console, as they stand now, with the session's CSRF token. */
public record ConsoleUser(VoceroPrincipal principal, String name, String csrfToken, Instant expiresAt) {
  public boolean canWrite() {
    return principal.role().atLeast(Role.OPERATOR);
  }

  public boolean isAdmin() {
    return principal.role() == Role.ADMIN;
  }
}
