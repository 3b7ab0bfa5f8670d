package dev.vocero.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final ClientAddress behindBalancer = new ClientAddress(List.of("10.0.0.0/8", "2001:db8::1"));

  @Test
  void givenNoTrustedProxy_itShouldIgnoreForwardedHeadersAClientCanWrite() {
    assertEquals("203.0.113.7", new ClientAddress(List.of()).resolve("203.0.113.7", List.of("198.51.100.1")));
    assertEquals("203.0.113.7", behindBalancer.resolve("203.0.113.7", List.of("198.51.100.1")));
  }

  @Test
  void givenTheBalancer_itShouldTakeTheRightMostAddressThatIsNotAProxy() {
    assertEquals("198.51.100.9", behindBalancer.resolve("10.1.2.3", List.of("198.51.100.9")));
    assertEquals("198.51.100.9", behindBalancer.resolve("10.1.2.3", List.of("1.2.3.4, 198.51.100.9", "10.9.9.9")),
        "the left-most entry is whatever the client claimed");
    assertEquals("198.51.100.9", behindBalancer.resolve("2001:db8::1", List.of("198.51.100.9")));
    assertEquals("10.4.4.4", behindBalancer.resolve("10.1.2.3", List.of("10.4.4.4")), "all hops are proxies");
    assertEquals("10.1.2.3", behindBalancer.resolve("10.1.2.3", List.of("evil.example.com")));
    assertEquals("10.1.2.3", behindBalancer.resolve("10.1.2.3", List.of()));
  }
}
