package dev.vocero.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JwtServiceTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
  final VoceroPrincipal ana = new VoceroPrincipal(UUID.randomUUID(), UUID.randomUUID(), "ana@example.com", Role.OPERATOR);

  @Test
  void givenAnIssuedToken_itShouldVerifyBackToThePrincipal() {
    JwtService jwt = new JwtService(SECRET, "vocero", 1800, Clock.systemUTC());
    VoceroPrincipal verified = jwt.verify(jwt.issue(ana)).orElseThrow();
    assertEquals(ana, new VoceroPrincipal(verified.userId(), verified.orgId(), verified.email(), verified.role()));
    assertNotNull(verified.tokenId(), "each token carries its own id, so a logout can end it");
  }

  @Test
  void givenAnotherIssuerOrAnExpiredToken_itShouldReject() {
    JwtService ours = new JwtService(SECRET, "vocero", 1800, Clock.systemUTC());
    JwtService otherIssuer = new JwtService(SECRET, "someone-else", 1800, Clock.systemUTC());
    JwtService past = new JwtService(SECRET, "vocero", 60, Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC));
    assertTrue(ours.verify(otherIssuer.issue(ana)).isEmpty());
    assertTrue(ours.verify(past.issue(ana)).isEmpty());
  }

  @Test
  void givenAShortSecret_itShouldRefuseToStart() {
    assertThrows(IllegalArgumentException.class, () -> new JwtService("short", "vocero", 1800, Clock.systemUTC()));
  }
}
