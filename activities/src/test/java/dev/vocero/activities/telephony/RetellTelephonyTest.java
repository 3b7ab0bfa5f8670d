package dev.vocero.activities.telephony;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vocero.activities.telephony.TelephonyFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vocero.workflows.calls.Disposition;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetellTelephonyTest {

  private static final String KEY = "key_0123456789abcdef0123456789ab";
  private static final String CALL_ID = "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6";
  private static final UUID ATTEMPT = UUID.fromString("7d0b6a8e-3c1f-4f7e-9b7a-2b1f0c9e5d41");
  private static final CallRequest REQUEST = new CallRequest(ATTEMPT, "+12137774445", null,
      URI.create("https://vocero.example.com/twiml/calls/" + ATTEMPT),
      URI.create("https://vocero.example.com/webhooks/twilio/voice/status"), null, null, 30,
      Map.of("customer_name", "Ana"));

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static RetellTelephony telephony(String agentId) {
    RetellConfig config = new RetellConfig();
    config.setApiKey(KEY);
    config.setFromNumber("+14157774444");
    config.setAgentId(agentId);
    config.setBaseUrl(wm.baseUrl() + "/");
    return new RetellTelephony(config);
  }

  private static TelephonyException placeFailing(int status, String retryAfter) {
    var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":\"error\",\"message\":\"from_number +14157774444 is not a Retell number\"}");
    if (retryAfter != null) {
      response = response.withHeader("Retry-After", retryAfter);
    }
    wm.stubFor(post("/v2/create-phone-call").willReturn(response));
    return assertThrows(TelephonyException.class, () -> telephony(null).place(REQUEST));
  }

  @Test
  void givenAnAgentOverride_whenPlacing_itShouldPostTheDocumentedJsonWithBearerAuth() {
    wm.stubFor(post("/v2/create-phone-call").willReturn(okJson(resource("retell-create-phone-call.json"))
        .withStatus(201)));

    PlacedCallInfo placed = telephony("agent_override_1").place(REQUEST);

    assertEquals(new PlacedCallInfo(CALL_ID, "registered"), placed);
    wm.verify(postRequestedFor(urlEqualTo("/v2/create-phone-call"))
        .withHeader("Authorization", equalTo("Bearer " + KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"from_number\":\"+14157774444\",\"to_number\":\"+12137774445\","
            + "\"override_agent_id\":\"agent_override_1\","
            + "\"retell_llm_dynamic_variables\":{\"customer_name\":\"Ana\"},"
            + "\"metadata\":{\"attempt_id\":\"" + ATTEMPT + "\"}}")));
  }

  @Test
  void givenNoAgentOverride_whenPlacing_itShouldSendNoOverrideField() {
    wm.stubFor(post("/v2/create-phone-call").willReturn(okJson(resource("retell-create-phone-call.json"))));

    telephony(null).place(REQUEST);

    String body = wm.findAll(postRequestedFor(urlEqualTo("/v2/create-phone-call"))).get(0).getBodyAsString();
    assertFalse(body.contains("override_agent_id"), body);
  }

  @Test
  void given429WithRetryAfter_whenPlacing_itShouldBeRetryableWithTheDelay() {
    TelephonyException e = placeFailing(429, "7");

    assertEquals(TelephonyException.Kind.RETRYABLE, e.kind());
    assertEquals(429, e.httpStatus());
    assertEquals(Duration.ofSeconds(7), e.retryAfter());
  }

  @Test
  void given500_whenPlacing_itShouldBeRetryable() {
    TelephonyException e = placeFailing(500, null);

    assertEquals(TelephonyException.Kind.RETRYABLE, e.kind());
    assertNull(e.retryAfter());
  }

  @Test
  void given401_whenPlacing_itShouldBeUnauthorizedWithoutTheKey() {
    TelephonyException e = placeFailing(401, null);

    assertEquals(TelephonyException.Kind.UNAUTHORIZED, e.kind());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
  }

  @Test
  void given400_whenPlacing_itShouldBeRejectedQuotingRetell() {
    TelephonyException e = placeFailing(400, null);

    assertEquals(TelephonyException.Kind.REJECTED, e.kind());
    assertTrue(e.getMessage().endsWith("HTTP 400 from_number +14157774444 is not a Retell number"), e.getMessage());
  }

  @Test
  void givenAnEndedCall_whenFetching_itShouldMapReasonAndDuration() {
    wm.stubFor(get("/v2/get-call/" + CALL_ID).willReturn(okJson(resource("retell-get-call-ended.json"))));

    Optional<CallStatusInfo> info = telephony(null).fetch(CALL_ID);

    assertEquals(Optional.of(new CallStatusInfo(CALL_ID, "ended", true, Disposition.ANSWERED_HUMAN, 42L, null)), info);
    wm.verify(getRequestedFor(urlEqualTo("/v2/get-call/" + CALL_ID))
        .withHeader("Authorization", equalTo("Bearer " + KEY)));
  }

  @Test
  void givenARegisteredCall_whenFetching_itShouldBeNonTerminal() {
    wm.stubFor(get("/v2/get-call/" + CALL_ID).willReturn(okJson(resource("retell-get-call-registered.json"))));

    assertEquals(Optional.of(new CallStatusInfo(CALL_ID, "registered", false, null, null, null)),
        telephony(null).fetch(CALL_ID));
  }

  @Test
  void givenAnUnknownCall_whenFetching_itShouldBeEmpty() {
    wm.stubFor(get("/v2/get-call/nope").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"status\":\"error\",\"message\":\"Not Found\"}")));

    assertEquals(Optional.empty(), telephony(null).fetch("nope"));
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
      "ended,         user_hangup,          ANSWERED_HUMAN",
      "ended,         agent_hangup,         ANSWERED_HUMAN",
      "ended,         call_transfer,        ANSWERED_HUMAN",
      "ended,         voicemail_reached,    ANSWERED_MACHINE",
      "ended,         machine_detected,     ANSWERED_MACHINE",
      "not_connected, dial_no_answer,       NO_ANSWER",
      "not_connected, dial_busy,            BUSY",
      "not_connected, dial_failed,          FAILED",
      "not_connected, invalid_destination,  INVALID_NUMBER",
      "error,         concurrency_limit_reached, FAILED",
      "ended,         max_duration_reached, FAILED"})
  void givenADisconnectionReason_whenMapping_itShouldGiveTheDisposition(String status, String reason,
                                                                        Disposition expected) throws Exception {
    CallStatusInfo info = RetellCalls.status(RetellHttp.JSON.readTree("{\"call_id\":\"c1\",\"call_status\":\""
        + status + "\",\"disconnection_reason\":\"" + reason + "\",\"duration_ms\":1499}"));

    assertTrue(info.terminal());
    assertEquals(expected, info.disposition());
    assertEquals(1L, info.durationSeconds());
  }

  @Test
  void givenCallsForSeveralAttempts_whenFindingPlaced_itShouldFilterOnMetadataAndPickThisAttempts() {
    wm.stubFor(post("/v3/list-calls").willReturn(okJson(resource("retell-list-calls.json"))));

    Optional<PlacedCallInfo> found = telephony(null).findPlaced(REQUEST, Instant.parse("2025-09-09T15:17:00Z"));

    assertEquals(Optional.of(new PlacedCallInfo(CALL_ID, "ongoing")), found);
    wm.verify(postRequestedFor(urlEqualTo("/v3/list-calls"))
        .withHeader("Authorization", equalTo("Bearer " + KEY))
        .withRequestBody(equalToJson("{\"filter_criteria\":{\"metadata\":[{\"type\":\"string\",\"op\":\"eq\","
            + "\"key\":\"attempt_id\",\"value\":\"" + ATTEMPT + "\"}]},\"sort_order\":\"descending\",\"limit\":5}")));
  }

  @Test
  void givenOnlyAnOlderCallForTheAttempt_whenFindingPlaced_itShouldBeEmpty() {
    wm.stubFor(post("/v3/list-calls").willReturn(okJson(resource("retell-list-calls.json"))));

    assertEquals(Optional.empty(), telephony(null).findPlaced(REQUEST, Instant.parse("2025-09-09T15:20:00Z")));
  }

  @Test
  void givenNoCalls_whenFindingPlaced_itShouldBeEmpty() {
    wm.stubFor(post("/v3/list-calls").willReturn(okJson("{\"items\":[],\"has_more\":false}")));

    assertEquals(Optional.empty(), telephony(null).findPlaced(REQUEST, Instant.parse("2025-09-09T15:17:00Z")));
  }
}
