package dev.vocero.api.auth;

import dev.vocero.api.errors.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The users named in {@code auth.platformOperators}: they run the platform, above every organization's admin. */
public final class PlatformOperators {
  private final Set<String> emails;

  public PlatformOperators(List<String> emails) {
    this.emails = emails.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  public boolean includes(VoceroPrincipal caller) {
    return caller.email() != null && emails.contains(caller.email().trim().toLowerCase(Locale.ROOT));
  }

  /** @throws ApiException 403 {@code platform_operator_only} for anyone else, whatever their role */
  public void require(VoceroPrincipal caller) {
    if (!includes(caller)) {
      throw new ApiException(403, "platform_operator_only", "Only the platform's operators (auth.platformOperators) may "
          + "top up credits or change their enforcement; ask yours.", List.of(), null);
    }
  }
}
