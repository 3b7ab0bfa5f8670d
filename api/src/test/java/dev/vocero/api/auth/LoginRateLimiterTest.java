package dev.vocero.api.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vocero.api.errors.ApiException;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
  private final LoginRateLimiter limiter = new LoginRateLimiter(10);

  private void guess(String email, String address) {
    limiter.check(email, address);
    limiter.failed(email, address);
  }

  @Test
  void givenOneAddressGuessingOneAccount_itShouldStopItButNotTheOwnerElsewhere() {
    for (int i = 0; i < 10; i++) {
      guess("ana@example.com", "203.0.113.66");
    }
    ApiException refused = assertThrows(ApiException.class, () -> limiter.check("ana@example.com", "203.0.113.66"));
    assertEquals(429, refused.status());
    assertDoesNotThrow(() -> limiter.check("ana@example.com", "198.51.100.20"), "ten wrong passwords used to lock Ana out");
  }

  @Test
  void givenADistributedGuess_itShouldStopNewAddressesAndLetAKnownOneIn() {
    limiter.check("ana@example.com", "198.51.100.20");
    limiter.succeeded("ana@example.com", "198.51.100.20");
    for (int i = 0; i < 100; i++) { // 100 addresses, one guess each: the account's hourly failure budget
      guess("ana@example.com", "203.0.113." + i);
    }
    assertThrows(ApiException.class, () -> limiter.check("ana@example.com", "203.0.113.200"));
    assertDoesNotThrow(() -> limiter.check("ana@example.com", "198.51.100.20"));
  }

  @Test
  void givenOneAddress_itShouldLimitEveryAttemptWhateverTheAccount() {
    for (int i = 0; i < 10; i++) {
      limiter.check("user" + i + "@example.com", "203.0.113.5");
    }
    assertThrows(ApiException.class, () -> limiter.check("user11@example.com", "203.0.113.5"));
  }
}
