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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vocero.domain.telephony.TwilioSignatures;
import dev.vocero.domain.telephony.TwilioStatuses;
import dev.vocero.workflows.calls.Disposition;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxTelephonyTest {

  private static final String PATH = "/webhooks/twilio/voice/status";
  private static final Instant NOW = Instant.parse("2025-09-09T15:17:02Z");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private SandboxTelephony sandbox;

  @BeforeEach
  void start() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
    sandbox = sandbox(0.002);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static SandboxTelephony sandbox(double speed) {
    SandboxConfig config = new SandboxConfig();
    config.setSpeed(speed);
    return new SandboxTelephony(config, TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static CallRequest request(UUID attempt, String to) {
    return new CallRequest(attempt, to, "+14155550199", URI.create("https://vocero.example.com/twiml/calls/" + attempt),
        statusUrl(attempt), null, null, 30, Map.of());
  }

  private static URI statusUrl(UUID attempt) {
    return URI.create(wm.baseUrl() + PATH + "?attempt=" + attempt);
  }

  /** The callbacks for one attempt, once the last one satisfies {@code done}. */
  private static List<LoggedRequest> callbacks(UUID attempt, Predicate<Map<String, String>> done)
      throws InterruptedException {
    String url = PATH + "?attempt=" + attempt;
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<LoggedRequest> seen = wm.findAll(postRequestedFor(urlEqualTo(url)));
      if (!seen.isEmpty() && done.test(form(seen.get(seen.size() - 1).getBodyAsString()))) {
        return seen;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no final callback for " + attempt + " within 5 s");
  }

  private static Predicate<Map<String, String>> terminal() {
    return form -> TwilioStatuses.terminal(form.get("CallStatus"));
  }

  private static List<String> statuses(List<LoggedRequest> callbacks) {
    return callbacks.stream().map(r -> form(r.getBodyAsString()).get("CallStatus")).toList();
  }

  @Test
  void givenAJournal_whenARestartedSandboxIsAskedForACallTheEarlierOnePlaced_itShouldFindItAndNotKnowHowItWent()
      throws Exception {
    SandboxConfig config = new SandboxConfig();
    config.setSpeed(0.002);
    config.setJournalDir(java.nio.file.Files.createTempDirectory("sandbox-journal").toString());
    UUID attempt = UUID.randomUUID();
    SandboxTelephony killed = new SandboxTelephony(config, TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));
    PlacedCallInfo placed = killed.place(request(attempt, "+14155550100"));
    killed.close();

    SandboxTelephony restarted = new SandboxTelephony(config, TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));
    try {
      assertEquals(Optional.of(new PlacedCallInfo(placed.providerCallId(), "unknown")),
          restarted.findPlaced(request(attempt, "+14155550100"), NOW.minusSeconds(1)), "found, so not dialed again");
      assertEquals(Optional.empty(), restarted.fetch(placed.providerCallId()), "how it went died with the earlier run");
      assertEquals(Optional.empty(), restarted.findPlaced(request(attempt, "+14155550199"), NOW.minusSeconds(1)));
      assertEquals(Optional.empty(), restarted.findPlaced(request(UUID.randomUUID(), "+14155550100"),
          NOW.minusSeconds(1)));
      assertEquals(Optional.empty(), restarted.findPlaced(request(attempt, "+14155550100"), NOW.plusSeconds(1)));
    } finally {
      restarted.close();
    }
  }

  @Test
  void givenLastDigit0_whenPlacing_itShouldPostFourSignedTwilioCallbacksInSequence() throws Exception {
    UUID attempt = UUID.randomUUID();

    PlacedCallInfo placed = sandbox.place(request(attempt, "+14155550100"));

    assertEquals("queued", placed.status());
    assertTrue(placed.providerCallId().matches("CA[0-9a-f]{32}"), placed.providerCallId());
    List<LoggedRequest> seen = callbacks(attempt, terminal());
    assertEquals(List.of("initiated", "ringing", "in-progress", "completed"), statuses(seen));
    for (int i = 0; i < seen.size(); i++) {
      LoggedRequest callback = seen.get(i);
      Map<String, String> form = form(callback.getBodyAsString());
      assertEquals(String.valueOf(i), form.get("SequenceNumber"));
      assertEquals(placed.providerCallId(), form.get("CallSid"));
      assertEquals(SandboxConfig.DEFAULT_ACCOUNT_SID, form.get("AccountSid"));
      assertEquals("+14155550100", form.get("To"));
      assertEquals("+14155550199", form.get("From"));
      assertEquals("outbound-api", form.get("Direction"));
      assertEquals("Tue, 09 Sep 2025 15:17:02 +0000", form.get("Timestamp"));
      assertTrue(callback.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
      assertTrue(TwilioSignatures.valid(TOKEN, statusUrl(attempt).toString(), form,
          callback.getHeader("X-Twilio-Signature")), "callback " + i + " must validate for the exact URL");
      assertFalse(TwilioSignatures.valid(TOKEN, wm.baseUrl() + PATH, form, callback.getHeader("X-Twilio-Signature")),
          "the query string is part of what is signed");
    }
    Map<String, String> completed = form(seen.get(3).getBodyAsString());
    assertEquals("42", completed.get("CallDuration"));
    assertEquals("human", completed.get("AnsweredBy"));
    assertEquals(Optional.of(new CallStatusInfo(placed.providerCallId(), "completed", true,
        Disposition.ANSWERED_HUMAN, 42L, "human")), sandbox.fetch(placed.providerCallId()));
  }

  @Test
  void givenLastDigit3_whenPlacing_itShouldEndBusy() throws Exception {
    UUID attempt = UUID.randomUUID();

    String sid = sandbox.place(request(attempt, "+14155550103")).providerCallId();

    List<LoggedRequest> seen = callbacks(attempt, terminal());
    assertEquals(List.of("initiated", "busy"), statuses(seen));
    assertEquals(Disposition.BUSY, sandbox.fetch(sid).orElseThrow().disposition());
  }

  @Test
  void givenLastDigit5_whenPlacing_itShouldFailWithSip404MappedToInvalidNumber() throws Exception {
    UUID attempt = UUID.randomUUID();

    String sid = sandbox.place(request(attempt, "+14155550105")).providerCallId();

    List<LoggedRequest> seen = callbacks(attempt, terminal());
    assertEquals(List.of("initiated", "failed"), statuses(seen));
    Map<String, String> failed = form(seen.get(1).getBodyAsString());
    assertEquals("404", failed.get("SipResponseCode"));
    assertEquals(Disposition.INVALID_NUMBER, CallStatusInfo.disposition(
        TwilioStatuses.disposition(failed.get("CallStatus"), failed.get("AnsweredBy"), failed.get("SipResponseCode"))));
    assertEquals(Disposition.INVALID_NUMBER, sandbox.fetch(sid).orElseThrow().disposition());
  }

  @ParameterizedTest(name = "last digit {0} -> {1} {2}")
  @CsvSource({
      "0, completed, ANSWERED_HUMAN",
      "1, completed, ANSWERED_MACHINE",
      "2, no-answer, NO_ANSWER",
      "3, busy,      BUSY",
      "4, failed,    FAILED",
      "5, failed,    INVALID_NUMBER",
      "6, completed, ANSWERED_HUMAN",
      "7, completed, ANSWERED_HUMAN",
      "8, completed, ANSWERED_HUMAN",
      "9, completed, ANSWERED_HUMAN"})
  void givenEachLastDigit_whenTheCallEnds_itShouldReachTheDocumentedOutcome(char digit, String status,
                                                                            Disposition disposition)
      throws Exception {
    UUID attempt = UUID.randomUUID();
    String sid = sandbox.place(request(attempt, "+3491123456" + digit)).providerCallId();

    List<LoggedRequest> seen = callbacks(attempt, terminal());
    Map<String, String> last = form(seen.get(seen.size() - 1).getBodyAsString());

    assertEquals(status, last.get("CallStatus"));
    CallStatusInfo info = sandbox.fetch(sid).orElseThrow();
    assertEquals(disposition, info.disposition());
    assertEquals(status, info.status());
  }

  @Test
  void givenAPlacedAttempt_whenFindingPlaced_itShouldFindItOnlyForThatAttemptNumberAndWindow() {
    UUID attempt = UUID.randomUUID();
    CallRequest request = request(attempt, "+14155550107");
    String sid = sandbox.place(request).providerCallId();

    assertEquals(sid, sandbox.findPlaced(request, NOW.minusSeconds(60)).orElseThrow().providerCallId());
    assertEquals(Optional.empty(), sandbox.findPlaced(request(UUID.randomUUID(), "+14155550107"), NOW));
    assertEquals(Optional.empty(), sandbox.findPlaced(request(attempt, "+14155550108"), NOW));
    assertEquals(Optional.empty(), sandbox.findPlaced(request, NOW.plusSeconds(1)));
    assertEquals(Optional.empty(), sandbox.fetch("CA" + "0".repeat(32)));
  }

  @Test
  void givenANumberThatIsNotE164_whenPlacing_itShouldRefuseAsInvalidNumber() {
    TelephonyException e = assertThrows(TelephonyException.class,
        () -> sandbox.place(request(UUID.randomUUID(), "555-0100")));

    assertEquals(TelephonyException.Kind.INVALID_NUMBER, e.kind());
    assertEquals(400, e.httpStatus());
  }

  @Test
  void givenClose_whenCallsWereInFlight_itShouldSendNothingMore() throws Exception {
    SandboxTelephony slow = sandbox(0.1);
    UUID attempt = UUID.randomUUID();
    String sid = slow.place(request(attempt, "+14155550100")).providerCallId();

    slow.close();
    Thread.sleep(150);

    assertEquals(0, wm.findAll(postRequestedFor(urlEqualTo(PATH + "?attempt=" + attempt))).size());
    assertEquals("queued", slow.fetch(sid).orElseThrow().status());
  }
}
