package dev.vocero.api.console;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/** The console's cookies: HttpOnly, SameSite=Lax, and Secure when the public URL is https. */
public final class ConsoleCookies {
  private final boolean secure;

  public ConsoleCookies(String publicBaseUrl) {
    this.secure = publicBaseUrl != null && publicBaseUrl.startsWith("https:");
  }

  public NewCookie make(String name, String value, Duration maxAge) {
    return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
        .sameSite(NewCookie.SameSite.LAX).maxAge((int) maxAge.toSeconds()).build();
  }

  public NewCookie clear(String name) {
    return new NewCookie.Builder(name).value("").path("/").httpOnly(true).secure(secure)
        .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
  }
}
