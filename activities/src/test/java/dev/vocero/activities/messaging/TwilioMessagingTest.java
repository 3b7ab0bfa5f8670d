package dev.vocero.activities.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vocero.activities.telephony.TwilioHttp;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Twilio Messaging REST wire format: form fields of Messages.json, its JSON answers and errors. */
class TwilioMessagingTest {
  private static final String SID = "AC0123456789abcdef0123456789abcdef";
  private static final String TOKEN = "twilio-test-auth-token-0123456789";
  private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
  private static final UUID MESSAGE = UUID.fromString("6a2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
  private static final URI STATUS = URI.create("https://vocero.example.com/webhooks/twilio/messaging/status?messageId="
      + MESSAGE);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static TwilioMessaging messaging() {
    HttpClientBuilder builder = HttpClientBuilder.create()
        .setRoutePlanner((target, context) -> new HttpRoute(new HttpHost("http", "localhost", wm.getPort())));
    return new TwilioMessaging(TwilioHttp.restClient(SID, TOKEN, builder));
  }

  private static String message(String sid, String to, String from, String body, String status, String created) {
    return """
        {"account_sid": "%s", "api_version": "2010-04-01", "body": %s, "date_created": "%s",
         "date_sent": null, "date_updated": "%s", "direction": "outbound-api", "error_code": null,
         "error_message": null, "from": "%s", "messaging_service_sid": null, "num_media": "0", "num_segments": "1",
         "price": null, "price_unit": "USD", "sid": "%s", "status": "%s",
         "subresource_uris": {"media": "/2010-04-01/Accounts/%s/Messages/%s/Media.json"},
         "to": "%s", "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}
        """.formatted(SID, body == null ? "null" : "\"" + body + "\"", created, created, from, sid, status, SID, sid,
        to, SID, sid);
  }

  private static void stubCreate(int status, String json) {
    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(json)));
  }

  private static Map<String, String> form(LoggedRequest request) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  @Test
  void givenAnSms_whenSending_itShouldPostToBodyFromAndStatusCallbackWithBasicAuth() {
    String sid = "SM" + "a1".repeat(16);
    stubCreate(201, message(sid, "+573001234567", "+14155550199", "Hola Ana", "queued",
        "Sun, 22 Nov 2026 03:00:00 +0000"));

    SentMessage sent = messaging().send(new MessageRequest(MESSAGE, "sms", "+573001234567", "+14155550199",
        "Hola Ana", null, null, STATUS));

    assertEquals(new SentMessage(sid, "queued", 1), sent); // num_segments: what Twilio bills
    LoggedRequest request = wm.findAll(postRequestedFor(urlEqualTo(MESSAGES))).get(0);
    assertEquals("Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)),
        request.getHeader("Authorization"));
    assertEquals(Map.of("To", "+573001234567", "From", "+14155550199", "Body", "Hola Ana",
        "StatusCallback", STATUS.toString()), form(request));
  }

  @Test
  void givenAWhatsappTemplate_whenSending_itShouldPostContentSidAndVariablesToWhatsappAddresses() {
    String sid = "SM" + "b2".repeat(16);
    stubCreate(201, message(sid, "whatsapp:+573001234567", "whatsapp:+14155550199", null, "accepted",
        "Sun, 22 Nov 2026 03:00:00 +0000"));

    SentMessage sent = messaging().send(new MessageRequest(MESSAGE, "whatsapp", "+573001234567", "+14155550199",
        null, "HX" + "0123456789abcdef".repeat(2), "{\"1\":\"Ana\",\"2\":\"150000\"}", STATUS));

    assertEquals("accepted", sent.status());
    Map<String, String> form = form(wm.findAll(postRequestedFor(urlEqualTo(MESSAGES))).get(0));
    assertEquals("whatsapp:+573001234567", form.get("To"));
    assertEquals("whatsapp:+14155550199", form.get("From"));
    assertEquals("HX" + "0123456789abcdef".repeat(2), form.get("ContentSid"));
    assertEquals("{\"1\":\"Ana\",\"2\":\"150000\"}", form.get("ContentVariables"));
    assertFalse(form.containsKey("Body"), "a template sends no free-form body");
  }

  @Test
  void givenTwilioErrors_whenSending_itShouldRejectRefusalsAndRetryOutages() {
    stubCreate(400, "{\"code\": 21211, \"message\": \"Invalid 'To' Phone Number: +5730012\","
        + " \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}");
    MessagingException invalid = assertThrows(MessagingException.class, () -> messaging().send(request()));
    assertEquals(MessagingException.Kind.REJECTED, invalid.kind());
    assertEquals("21211", invalid.errorCode());

    stubCreate(429, "{\"code\": 20429, \"message\": \"Too Many Requests\", \"more_info\":"
        + " \"https://www.twilio.com/docs/errors/20429\", \"status\": 429}");
    assertEquals(MessagingException.Kind.RETRYABLE,
        assertThrows(MessagingException.class, () -> messaging().send(request())).kind());

    stubCreate(503, "<html>Service Unavailable</html>");
    assertEquals(MessagingException.Kind.RETRYABLE,
        assertThrows(MessagingException.class, () -> messaging().send(request())).kind());
    assertEquals(3, wm.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size(), "no hidden SDK retries");
  }

  @Test
  void givenA429WithRetryAfter_whenSending_itShouldCarryTheWaitTheProviderAskedFor() {
    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")
        .withHeader("Content-Type", "application/json").withBody("{\"code\": 20429, \"message\": \"Too Many Requests\","
            + " \"more_info\": \"https://www.twilio.com/docs/errors/20429\", \"status\": 429}")));
    MessagingException throttled = assertThrows(MessagingException.class, () -> messaging().send(request()));
    assertEquals(MessagingException.Kind.RETRYABLE, throttled.kind());
    assertEquals(java.time.Duration.ofSeconds(12), throttled.retryAfter());

    stubCreate(400, "{\"code\": 21211, \"message\": \"Invalid 'To' Phone Number\", \"status\": 400}");
    MessagingException refused = assertThrows(MessagingException.class, () -> messaging().send(request()));
    assertEquals(null, refused.retryAfter(), "a refusal is not retried, so it has no wait");
  }

  @Test
  void givenAnEarlierTry_whenLookingUp_itShouldFindTheMessageWithTheSameBodySinceTheRecord() {
    String older = message("SM" + "c3".repeat(16), "+573001234567", "+14155550199", "Hola Ana", "delivered",
        "Sat, 21 Nov 2026 10:00:00 +0000");
    String other = message("SM" + "d4".repeat(16), "+573001234567", "+14155550199", "Otro texto", "sent",
        "Sun, 22 Nov 2026 03:00:05 +0000");
    String mine = message("SM" + "e5".repeat(16), "+573001234567", "+14155550199", "Hola Ana", "sent",
        "Sun, 22 Nov 2026 03:00:02 +0000");
    wm.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            {"messages": [%s, %s, %s], "end": 2, "first_page_uri": "%s?To=%%2B573001234567&PageSize=20&Page=0",
             "next_page_uri": null, "page": 0, "page_size": 20, "previous_page_uri": null, "start": 0,
             "uri": "%s?To=%%2B573001234567&PageSize=20&Page=0"}
            """.formatted(other, mine, older, MESSAGES, MESSAGES))));

    Optional<SentMessage> found = messaging().findSent(request(), Instant.parse("2026-11-22T03:00:00Z"));

    assertEquals(Optional.of(new SentMessage("SM" + "e5".repeat(16), "sent", 1)), found);
    LoggedRequest list = wm.findAll(getRequestedFor(urlPathEqualTo(MESSAGES))).get(0);
    assertTrue(list.getUrl().contains("To=%2B573001234567"), list.getUrl());
  }

  @Test
  void givenAMessageTakenInTheSameSecondAsItsRecord_whenLookingUp_itShouldFindIt() {
    String mine = message("SM" + "e5".repeat(16), "+573001234567", "+14155550199", "Hola Ana", "queued",
        "Sun, 22 Nov 2026 03:00:02 +0000");
    wm.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            {"messages": [%s], "end": 0, "first_page_uri": "%s?To=%%2B573001234567&PageSize=20&Page=0",
             "next_page_uri": null, "page": 0, "page_size": 20, "previous_page_uri": null, "start": 0,
             "uri": "%s?To=%%2B573001234567&PageSize=20&Page=0"}
            """.formatted(mine, MESSAGES, MESSAGES))));

    Optional<SentMessage> found = messaging().findSent(request(), Instant.parse("2026-11-22T03:00:02.400Z"));

    assertEquals(Optional.of(new SentMessage("SM" + "e5".repeat(16), "queued", 1)), found,
        "Twilio dates in whole seconds: a message taken 0.4 s after its record must not be sent again");
  }

  private static MessageRequest request() {
    return new MessageRequest(MESSAGE, "sms", "+573001234567", "+14155550199", "Hola Ana", null, null, STATUS);
  }
}
