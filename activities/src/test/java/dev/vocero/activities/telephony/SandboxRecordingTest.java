package dev.vocero.activities.telephony;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vocero.activities.telephony.TelephonyFixtures.TOKEN;
import static dev.vocero.activities.telephony.TelephonyFixtures.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vocero.activities.recordings.RecordingDownloads;
import dev.vocero.domain.telephony.TwilioSignatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A recorded sandbox call: a signed Twilio-shaped recording callback naming a real WAV served over HTTP. */
class SandboxRecordingTest {
  private static final String STATUS = "/webhooks/twilio/voice/status";
  private static final String RECORDING = "/webhooks/twilio/voice/recording";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void givenARecordedAnsweredCall_itShouldPostASignedRecordingCallbackForAWavBehindBasicAuth() throws Exception {
    wm.stubFor(post(urlPathEqualTo(STATUS)).willReturn(aResponse().withStatus(204)));
    wm.stubFor(post(urlPathEqualTo(RECORDING)).willReturn(aResponse().withStatus(204)));
    SandboxConfig config = new SandboxConfig();
    config.setSpeed(0.002);
    UUID attempt = UUID.randomUUID();
    URI recordingUrl = URI.create(wm.baseUrl() + RECORDING + "?attemptId=" + attempt);
    try (SandboxTelephony sandbox = new SandboxTelephony(config, TOKEN, Clock.systemUTC())) {
      String callSid = sandbox.place(new CallRequest(attempt, "+14155550100", null,
          URI.create("https://vocero.example.com/twiml/calls/" + attempt),
          URI.create(wm.baseUrl() + STATUS + "?attemptId=" + attempt), recordingUrl, null, 30, Map.of()))
          .providerCallId();

      LoggedRequest callback = awaitOne(RECORDING + "?attemptId=" + attempt);
      Map<String, String> form = form(callback.getBodyAsString());
      assertTrue(TwilioSignatures.valid(TOKEN, recordingUrl.toString(), form, callback.getHeader("X-Twilio-Signature")));
      assertEquals(callSid, form.get("CallSid"));
      assertEquals(SandboxConfig.DEFAULT_ACCOUNT_SID, form.get("AccountSid"));
      assertEquals("completed", form.get("RecordingStatus"));
      assertEquals("42", form.get("RecordingDuration"));
      assertTrue(form.get("RecordingSid").matches("RE[0-9a-f]{32}"), form.get("RecordingSid"));
      assertTrue(form.get("RecordingUrl").endsWith("/Recordings/" + form.get("RecordingSid")));

      HttpResponse<byte[]> anonymous = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(form.get("RecordingUrl") + ".wav")).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(401, anonymous.statusCode(), "recordings are behind basic auth, as Twilio's are");

      RecordingDownloads downloads = new RecordingDownloads(new dev.vocero.activities.net.PublicAddresses(true),
          Map.of("sandbox", new RecordingDownloads.BasicAuth(SandboxConfig.DEFAULT_ACCOUNT_SID, TOKEN)), Map.of(), 1_000_000,
          Duration.ofSeconds(10));
      try (RecordingDownloads.Downloaded wav = downloads.download("sandbox", form.get("RecordingUrl"))) {
        assertEquals("audio/wav", wav.contentType());
        assertEquals(44 + 2 * SandboxRecordings.SAMPLE_RATE, wav.size());
        byte[] head = java.nio.file.Files.readAllBytes(wav.file());
        assertEquals("RIFF", new String(head, 0, 4, StandardCharsets.US_ASCII));
      }
    }
  }

  @Test
  void givenACallPlacedWithoutRecording_itShouldSendNoRecordingCallback() throws Exception {
    wm.stubFor(post(urlPathEqualTo(STATUS)).willReturn(aResponse().withStatus(204)));
    SandboxConfig config = new SandboxConfig();
    config.setSpeed(0.002);
    UUID attempt = UUID.randomUUID();
    String status = STATUS + "?attemptId=" + attempt;
    try (SandboxTelephony sandbox = new SandboxTelephony(config, TOKEN, Clock.systemUTC())) {
      sandbox.place(new CallRequest(attempt, "+14155550100", null, URI.create("https://vocero.example.com/twiml"),
          URI.create(wm.baseUrl() + status), null, null, 30, Map.of()));
      awaitCount(status, 4);
      Thread.sleep(50); // twenty simulated seconds: a recording callback would have come by now
      assertEquals(0, wm.findAll(postRequestedFor(urlPathEqualTo(RECORDING))).size());
    }
  }

  private static LoggedRequest awaitOne(String url) throws InterruptedException {
    return awaitCount(url, 1).get(0);
  }

  private static List<LoggedRequest> awaitCount(String url, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      List<LoggedRequest> seen = wm.findAll(postRequestedFor(urlEqualTo(url)));
      if (seen.size() >= count) {
        return seen;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("fewer than " + count + " callbacks to " + url);
  }
}
