package dev.vocero.activities.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vocero.activities.net.GuardedHttp;
import dev.vocero.activities.net.PublicAddresses;
import dev.vocero.activities.telephony.TelephonyException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecordingHostsTest {
  @RegisterExtension
  static final WireMockExtension ELSEWHERE = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void givenATwilioRecordingUrlOffTwiliosHosts_itShouldRefuseItWithoutSendingTheCredentials() {
    ELSEWHERE.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("RIFF")));
    RecordingDownloads downloads = new RecordingDownloads(new PublicAddresses(true),
        Map.of("twilio", new RecordingDownloads.BasicAuth("AC123", "auth-token")),
        Map.of("twilio", GuardedHttp.hostList(List.of("api.twilio.com", ".twilio.com"))), 1_000_000, Duration.ofSeconds(5));

    TelephonyException refused = assertThrows(TelephonyException.class,
        () -> downloads.download("twilio", "http://localhost:" + ELSEWHERE.getPort() + "/Recordings/RE1"));
    assertEquals(TelephonyException.Kind.REJECTED, refused.kind());
    assertEquals(0, ELSEWHERE.findAll(anyRequestedFor(anyUrl())).size(), "the account's token went nowhere");
  }
}
