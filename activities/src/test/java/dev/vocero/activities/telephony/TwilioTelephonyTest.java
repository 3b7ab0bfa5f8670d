package dev.vocero.activities.telephony;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vocero.activities.telephony.TelephonyFixtures.SID;
import static dev.vocero.activities.telephony.TelephonyFixtures.TOKEN;
import static dev.vocero.activities.telephony.TelephonyFixtures.formValues;
import static dev.vocero.activities.telephony.TelephonyFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vocero.workflows.calls.Disposition;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TwilioTelephonyTest {

  private static final String CALLS = "/2010-04-01/Accounts/" + SID + "/Calls.json";
  private static final UUID ATTEMPT = UUID.fromString("7d0b6a8e-3c1f-4f7e-9b7a-2b1f0c9e5d41");
  private static final URI ANSWER = URI.create("https://vocero.example.com/twiml/calls/" + ATTEMPT);
  private static final URI STATUS = URI.create("https://vocero.example.com/webhooks/twilio/voice/status?attempt="
      + ATTEMPT);
  private static final URI RECORDING = URI.create("https://vocero.example.com/webhooks/twilio/voice/recording");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static TwilioTelephony telephony() {
    return telephony(wm.getPort());
  }

  private static TwilioTelephony telephony(int port) {
    TwilioConfig config = new TwilioConfig();
    config.setAccountSid(SID);
    config.setAuthToken(TOKEN);
    config.setFromNumber("+14155550199");
    return new TwilioTelephony(config, TelephonyFixtures.twilioAgainst(port));
  }

  private static CallRequest request(URI recording, String machineDetection) {
    return new CallRequest(ATTEMPT, "+14155550100", null, ANSWER, STATUS, recording, machineDetection, 25,
        Map.of("name", "Ana"));
  }

  private static void stubCreate(int status, String body) {
    wm.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static TelephonyException placeFailing(int status, String body) {
    stubCreate(status, body);
    return assertThrows(TelephonyException.class, () -> telephony().place(request(null, null)));
  }

  @Test
  void givenAllOptions_whenPlacing_itShouldPostTheDocumentedFormWithBasicAuth() {
    stubCreate(201, resource("twilio-call-queued.json"));

    PlacedCallInfo placed = telephony().place(request(RECORDING, "DetectMessageEnd"));

    assertEquals(new PlacedCallInfo("CAfeedfacefeedfacefeedfacefeedface", "queued"), placed);
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(CALLS)));
    assertEquals(1, requests.size());
    LoggedRequest sent = requests.get(0);
    assertEquals("Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)),
        sent.getHeader("Authorization"));
    assertTrue(sent.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
    Map<String, List<String>> form = formValues(sent.getBodyAsString());
    assertEquals(List.of("+14155550100"), form.get("To"));
    assertEquals(List.of("+14155550199"), form.get("From"), "the config's caller id fills a null from");
    assertEquals(List.of(ANSWER.toString()), form.get("Url"));
    assertEquals(List.of(STATUS.toString()), form.get("StatusCallback"));
    assertEquals(List.of("POST"), form.get("StatusCallbackMethod"));
    assertEquals(List.of("initiated", "ringing", "answered", "completed"), form.get("StatusCallbackEvent"));
    assertEquals(List.of("25"), form.get("Timeout"));
    assertEquals(List.of("DetectMessageEnd"), form.get("MachineDetection"));
    assertEquals(List.of("true"), form.get("Record"));
    assertEquals(List.of(RECORDING.toString()), form.get("RecordingStatusCallback"));
    assertEquals(List.of("completed"), form.get("RecordingStatusCallbackEvent"));
  }

  @Test
  void givenNoRecordingNorDetection_whenPlacing_itShouldOmitThoseParameters() {
    stubCreate(201, resource("twilio-call-queued.json"));
    CallRequest request = new CallRequest(ATTEMPT, "+14155550100", "+14155550111", ANSWER, STATUS, null, null, 0,
        Map.of());

    telephony().place(request);

    Map<String, List<String>> form = formValues(wm.findAll(postRequestedFor(urlEqualTo(CALLS))).get(0)
        .getBodyAsString());
    assertEquals(List.of("+14155550111"), form.get("From"));
    assertEquals(List.of("30"), form.get("Timeout"), "ringTimeoutSeconds 0 falls back to the config's 30");
    assertFalse(form.containsKey("MachineDetection"));
    assertFalse(form.containsKey("Record"));
    assertFalse(form.containsKey("RecordingStatusCallback"));
    assertFalse(form.containsKey("RecordingStatusCallbackEvent"));
  }

  @Test
  void givenError21211_whenPlacing_itShouldBeInvalidNumber() {
    TelephonyException e = placeFailing(400, resource("twilio-error-21211.json"));

    assertEquals(TelephonyException.Kind.INVALID_NUMBER, e.kind());
    assertEquals(400, e.httpStatus());
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("21211"), e.getMessage());
  }

  @Test
  void given429_whenPlacing_itShouldBeRetryableAfterOneRequest() {
    TelephonyException e = placeFailing(429, resource("twilio-error-20429.json"));

    assertEquals(TelephonyException.Kind.RETRYABLE, e.kind());
    assertEquals(429, e.httpStatus());
    assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo(CALLS))).size(), "the SDK must not retry on its own");
  }

  @Test
  void given429Or503WithRetryAfter_whenPlacing_itShouldCarryTheWaitTheProviderAskedFor() {
    wm.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "17")
        .withHeader("Content-Type", "application/json").withBody(resource("twilio-error-20429.json"))));
    TelephonyException throttled = assertThrows(TelephonyException.class, () -> telephony().place(request(null, null)));
    assertEquals(java.time.Duration.ofSeconds(17), throttled.retryAfter());

    wm.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "4")
        .withBody("<html>Service Unavailable</html>")));
    TelephonyException down = assertThrows(TelephonyException.class, () -> telephony().place(request(null, null)));
    assertEquals(java.time.Duration.ofSeconds(4), down.retryAfter());
    assertEquals(TelephonyException.Kind.RETRYABLE, down.kind());

    assertNull(placeFailing(429, resource("twilio-error-20429.json")).retryAfter(), "none asked: the policy's backoff");
    assertEquals(3, wm.findAll(postRequestedFor(urlEqualTo(CALLS))).size(), "the SDK must not retry on its own");
  }

  @Test
  void given401_whenPlacing_itShouldBeUnauthorized() {
    TelephonyException e = placeFailing(401, resource("twilio-error-20003.json"));

    assertEquals(TelephonyException.Kind.UNAUTHORIZED, e.kind());
    assertEquals(401, e.httpStatus());
    assertFalse(e.getMessage().contains(TOKEN));
  }

  @Test
  void givenAnotherClientError_whenPlacing_itShouldBeRejected() {
    TelephonyException e = placeFailing(400, resource("twilio-error-21205.json"));

    assertEquals(TelephonyException.Kind.REJECTED, e.kind());
    assertEquals(400, e.httpStatus());
  }

  @Test
  void givenAServerErrorPageThatIsNotJson_whenPlacing_itShouldBeRetryableAfterOneRequest() {
    TelephonyException e = placeFailing(503, "<html><body>Service Unavailable</body></html>");

    assertEquals(TelephonyException.Kind.RETRYABLE, e.kind());
    assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo(CALLS))).size(), "a re-POST could dial twice");
  }

  @Test
  void givenNothingListening_whenPlacing_itShouldBeRetryable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    TelephonyException e = assertThrows(TelephonyException.class,
        () -> telephony(closedPort).place(request(null, null)));

    assertEquals(TelephonyException.Kind.RETRYABLE, e.kind());
    assertEquals(0, e.httpStatus());
  }

  @Test
  void givenACompletedMachineCall_whenFetching_itShouldMapStatusDurationAndAnsweredBy() {
    String path = "/2010-04-01/Accounts/" + SID + "/Calls/CAfeedfacefeedfacefeedfacefeedface.json";
    wm.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(resource("twilio-call-completed.json"))));

    Optional<CallStatusInfo> info = telephony().fetch("CAfeedfacefeedfacefeedfacefeedface");

    assertEquals(Optional.of(new CallStatusInfo("CAfeedfacefeedfacefeedfacefeedface", "completed", true,
        Disposition.ANSWERED_MACHINE, 37L, "machine_end_beep")), info);
    wm.verify(getRequestedFor(urlEqualTo(path)));
  }

  @Test
  void givenAQueuedCall_whenFetching_itShouldBeNonTerminalWithoutDisposition() {
    wm.stubFor(get(urlPathEqualTo("/2010-04-01/Accounts/" + SID + "/Calls/CAfeedfacefeedfacefeedfacefeedface.json"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(resource("twilio-call-queued.json"))));

    CallStatusInfo info = telephony().fetch("CAfeedfacefeedfacefeedfacefeedface").orElseThrow();

    assertEquals("queued", info.status());
    assertFalse(info.terminal());
    assertNull(info.disposition());
    assertNull(info.durationSeconds());
  }

  @Test
  void givenAnUnknownSid_whenFetching_itShouldBeEmpty() {
    String sid = "CA00000000000000000000000000000000";
    wm.stubFor(get(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Calls/" + sid + ".json"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody(resource("twilio-error-20404.json"))));

    assertEquals(Optional.empty(), telephony().fetch(sid));
  }

  private static void stubLists(String startedPage, String queuedPage) {
    wm.stubFor(get(urlPathEqualTo(CALLS)).withQueryParam("StartTime>", matching(".+"))
        .willReturn(okJson(resource(startedPage))));
    wm.stubFor(get(urlPathEqualTo(CALLS)).withQueryParam("Status", equalTo("queued"))
        .willReturn(okJson(resource(queuedPage))));
  }

  @Test
  void givenCallsToTheNumber_whenFindingPlaced_itShouldFilterByToAndStartTimeAndPickTheNewestSinceNotBefore() {
    stubLists("twilio-calls-page.json", "twilio-calls-empty.json");
    Instant notBefore = Instant.parse("2025-09-09T15:17:00Z");

    Optional<PlacedCallInfo> found = telephony().findPlaced(request(null, null), notBefore);

    assertEquals(Optional.of(new PlacedCallInfo("CA" + "a".repeat(32), "ringing")), found);
    LoggedRequest started = wm.findAll(getRequestedFor(urlPathEqualTo(CALLS))
        .withQueryParam("StartTime>", matching(".+"))).get(0);
    assertEquals("+14155550100", started.queryParameter("To").firstValue());
    assertEquals("2025-09-09T15:17:00", started.queryParameter("StartTime>").firstValue());
    assertEquals("5", started.queryParameter("PageSize").firstValue());
    LoggedRequest queued = wm.findAll(getRequestedFor(urlPathEqualTo(CALLS))
        .withQueryParam("Status", equalTo("queued"))).get(0);
    assertEquals("+14155550100", queued.queryParameter("To").firstValue());
    assertFalse(queued.queryParameter("StartTime>").isPresent(), "a queued call has no start time yet");
  }

  @Test
  void givenANewerCallStillQueued_whenFindingPlaced_itShouldPickTheQueuedOne() {
    stubLists("twilio-calls-page.json", "twilio-calls-queued.json");

    Optional<PlacedCallInfo> found = telephony().findPlaced(request(null, null), Instant.parse("2025-09-09T15:17:00Z"));

    assertEquals(Optional.of(new PlacedCallInfo("CA" + "d".repeat(32), "queued")), found);
  }

  @Test
  void givenACallCreatedInTheSameSecondAsTheAttempt_whenFindingPlaced_itShouldFindIt() {
    stubLists("twilio-calls-empty.json", "twilio-calls-queued.json"); // created 15:21:30, Twilio's whole seconds

    Optional<PlacedCallInfo> found = telephony().findPlaced(request(null, null),
        Instant.parse("2025-09-09T15:21:30.700Z"));

    assertEquals(Optional.of(new PlacedCallInfo("CA" + "d".repeat(32), "queued")), found,
        "a call taken 200 ms after the attempt was recorded is dated 15:21:30 and must not be dialed again");
  }

  @Test
  void givenOnlyOlderCalls_whenFindingPlaced_itShouldBeEmpty() {
    stubLists("twilio-calls-page.json", "twilio-calls-empty.json");

    assertEquals(Optional.empty(),
        telephony().findPlaced(request(null, null), Instant.parse("2025-09-09T15:30:00Z")));
  }

  @Test
  void givenNoCalls_whenFindingPlaced_itShouldBeEmpty() {
    stubLists("twilio-calls-empty.json", "twilio-calls-empty.json");

    assertEquals(Optional.empty(),
        telephony().findPlaced(request(null, null), Instant.parse("2025-09-09T15:17:00Z")));
    assertEquals(2, wm.findAll(getRequestedFor(urlPathEqualTo(CALLS))).size());
  }
}
