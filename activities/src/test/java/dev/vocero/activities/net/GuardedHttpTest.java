package dev.vocero.activities.net;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GuardedHttpTest {
  @RegisterExtension
  static final WireMockExtension SERVER = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static int status(GuardedHttp http, String url) throws Exception {
    return http.execute(new HttpGet(url), response -> response.getCode());
  }

  @Test
  void givenAName_itShouldConnectToTheAddressItCheckedResolvingOnce() throws Exception {
    SERVER.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(204)));
    AtomicInteger lookups = new AtomicInteger();
    // "receiver.test" exists nowhere: the request can only arrive if the connection uses the checked answer
    PublicAddresses addresses = new PublicAddresses(true, host -> {
      lookups.incrementAndGet();
      return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
    });
    try (GuardedHttp http = new GuardedHttp(addresses, host -> true, Duration.ofSeconds(5), Duration.ofSeconds(5), 0)) {
      assertEquals(204, status(http, "http://receiver.test:" + SERVER.getPort() + "/x"));
    }
    assertEquals(1, lookups.get());
  }

  @Test
  void givenANameThatResolvesInside_itShouldConnectNowhere() throws Exception {
    SERVER.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(204)));
    PublicAddresses publicOnly = new PublicAddresses(false, host -> new InetAddress[] {
        InetAddress.getByName("8.8.8.8"), InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})});
    try (GuardedHttp http = new GuardedHttp(publicOnly, host -> true, Duration.ofSeconds(5), Duration.ofSeconds(5), 0)) {
      assertThrows(PublicAddresses.RefusedAddress.class, () -> status(http, "http://rebind.test:" + SERVER.getPort() + "/x"));
    }
    assertEquals(0, SERVER.findAll(getRequestedFor(urlEqualTo("/x"))).size());
  }

  @Test
  void givenARedirectToAnotherHost_itShouldCheckItAgainAndRefuseIt() throws Exception {
    SERVER.stubFor(get(urlEqualTo("/start")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://127.0.0.1:" + SERVER.getPort() + "/inside")));
    SERVER.stubFor(get(urlEqualTo("/inside")).willReturn(aResponse().withStatus(200)));
    try (GuardedHttp http = new GuardedHttp(new PublicAddresses(true), GuardedHttp.hostList(List.of("localhost")),
        Duration.ofSeconds(5), Duration.ofSeconds(5), 3)) {
      assertThrows(GuardedHttp.RefusedHost.class, () -> status(http, "http://localhost:" + SERVER.getPort() + "/start"));
    }
    assertEquals(0, SERVER.findAll(getRequestedFor(urlEqualTo("/inside"))).size());
  }
}
