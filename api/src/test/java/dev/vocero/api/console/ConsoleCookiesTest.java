package dev.vocero.api.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleCookiesTest {
  @Test
  void givenAnHttpsPublicAddress_theSessionCookieShouldBeSecureHttpOnlyAndLax() {
    NewCookie cookie = new ConsoleCookies("https://vocero.example.com").make("vocero_session", "v", Duration.ofHours(12));
    assertTrue(cookie.isSecure());
    assertTrue(cookie.isHttpOnly());
    assertEquals(NewCookie.SameSite.LAX, cookie.getSameSite());
    assertEquals("/", cookie.getPath());
    assertEquals(43_200, cookie.getMaxAge());
  }

  @Test
  void givenAnHttpAddressOrNone_theCookieShouldNotBeSecureSoThatLocalDevWorks() {
    assertFalse(new ConsoleCookies("http://localhost:8080").make("a", "b", Duration.ofMinutes(1)).isSecure());
    assertFalse(new ConsoleCookies(null).clear("a").isSecure());
    assertEquals(0, new ConsoleCookies(null).clear("a").getMaxAge());
  }
}
