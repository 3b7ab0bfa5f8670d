package dev.vocero.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.api.errors.ApiException;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {

  @Test
  void givenTooManyAttemptsForOneEmail_itShouldAnswer429WithRetryAfter() {
    LoginRateLimiter limiter = new LoginRateLimiter(3);
    for (int i = 0; i < 3; i++) {
      limiter.check("Ana@Example.com", "10.0.0." + i);
    }
    ApiException e = assertThrows(ApiException.class, () -> limiter.check("ana@example.com ", "10.0.0.9"));
    assertEquals(429, e.status());
    assertEquals("too_many_attempts", e.code());
    assertTrue(e.retryAfter().toSeconds() >= 1);
  }

  @Test
  void givenOneAddressTryingManyEmails_itShouldBeLimitedToo() {
    LoginRateLimiter limiter = new LoginRateLimiter(2);
    limiter.check("a@example.com", "192.0.2.1");
    limiter.check("b@example.com", "192.0.2.1");
    assertThrows(ApiException.class, () -> limiter.check("c@example.com", "192.0.2.1"));
    limiter.check("c@example.com", "192.0.2.2");
  }
}
