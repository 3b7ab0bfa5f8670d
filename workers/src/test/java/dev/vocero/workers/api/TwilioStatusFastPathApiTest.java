package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.domain.telephony.TwilioSignatures;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The status callback is served by a servlet filter before Jersey (a UTF-8 form) or by the JAX-RS resource (any other
 * charset, an escaped query, a form only Jersey can read): both must answer and store alike.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwilioStatusFastPathApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final String TOKEN = "sandbox-auth-token";
  static final String CALL_SID = "CA" + "3".repeat(32);
  static final String FILTER = "application/x-www-form-urlencoded";
  static final String JERSEY = "application/x-www-form-urlencoded; charset=US-ASCII";
  static Jdbi jdbi;
  static ApiClient api;
  static String path;

  @BeforeAll
  static void attempt() {
    jdbi = DB.jdbi();
    api = new ApiClient(APP.getLocalPort());
    path = "/webhooks/twilio/voice/status?attemptId=" + CallFixtures.placedAttempt(jdbi, "sandbox", CALL_SID);
  }

  private static Map<String, String> callback(String status, int sequence) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", CALL_SID);
    params.put("CallStatus", status);
    params.put("SequenceNumber", String.valueOf(sequence));
    params.put("To", "+573001234560");
    return params;
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  private static ApiClient.Reply post(String contentType, String to, String body, String signature) {
    return api.sendRaw("POST", to, null, contentType, body.getBytes(StandardCharsets.UTF_8),
        signature == null ? Map.of() : Map.of("X-Twilio-Signature", signature));
  }

  private static ApiClient.Reply signed(String contentType, Map<String, String> params) {
    return post(contentType, path, form(params), sign(path, params));
  }

  private static String sign(String to, Map<String, String> params) {
    return TwilioSignatures.sign(TOKEN, "http://localhost:" + APP.getLocalPort() + to, params);
  }

  private static JsonNode stored(int sequence) {
    return jdbi.withHandle(h -> h.createQuery("select payload::text from provider_events where event_key = :k")
        .bind("k", CALL_SID + ":" + sequence + ":ringing").mapTo(String.class).findOne())
        .map(text -> {
          try {
            return ApiClient.JSON.readTree(text);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }).orElse(null);
  }

  @Test
  void givenTheSameCallbacks_servedByTheFilterOrByJersey_theyShouldBeAnsweredAndStoredAlike() {
    ApiClient.Reply viaFilter = signed(FILTER, callback("ringing", 1));
    ApiClient.Reply viaJersey = signed(JERSEY, callback("ringing", 2));
    assertEquals(204, viaFilter.status());
    assertEquals(204, viaJersey.status());
    assertEquals(204, signed(FILTER, callback("ringing", 2)).status(), "Jersey's event redelivered to the filter");
    assertEquals(204, signed(JERSEY, callback("ringing", 1)).status(), "the filter's event redelivered to Jersey");
    JsonNode first = stored(1);
    assertEquals("+57300•••4560", first.get("To").asText());
    ((com.fasterxml.jackson.databind.node.ObjectNode) first).put("SequenceNumber", "2");
    assertEquals(stored(2), first, "the same masked audit copy");
    int events = jdbi.withHandle(h -> h.createQuery("select count(*) from provider_events where provider_call_id = :c")
        .bind("c", CALL_SID).mapTo(int.class).one());
    assertEquals(2, events);
  }

  @Test
  void givenForgedOrNulCallbacks_theFilterShouldAnswerWhatJerseyAnswers() {
    Map<String, String> params = callback("completed", 5);
    String forged = TwilioSignatures.sign("wrong-token", "http://localhost:" + APP.getLocalPort() + path, params);
    assertSame(post(FILTER, path, form(params), forged), post(JERSEY, path, form(params), forged), 403);
    assertSame(post(FILTER, path, form(params), null), post(JERSEY, path, form(params), null), 403);

    Map<String, String> nul = callback("comp\u0000leted", 6);
    ApiClient.Reply viaFilter = signed(FILTER, nul);
    assertSame(viaFilter, signed(JERSEY, nul), 422);
    assertEquals("CallStatus", viaFilter.body().path("details").path(0).path("field").asText());
  }

  private static void assertSame(ApiClient.Reply viaFilter, ApiClient.Reply viaJersey, int status) {
    assertEquals(status, viaFilter.status(), String.valueOf(viaFilter.body()));
    assertEquals(status, viaJersey.status(), String.valueOf(viaJersey.body()));
    assertEquals(viaJersey.body(), viaFilter.body());
    assertEquals(viaJersey.header("Content-Type"), viaFilter.header("Content-Type"));
  }

  @Test
  void givenAnEscapedQueryOrAFormOnlyJerseyReads_itShouldBeAnsweredAsBefore() {
    String escaped = "/webhooks/twilio/voice/status?attemptId=" + UUID.randomUUID() + "&note=a%20b";
    Map<String, String> params = callback("ringing", 7);
    params.put("CallSid", "CA" + "4".repeat(32));
    assertEquals(204, post(FILTER, escaped, form(params), sign(escaped, params)).status(), "served by Jersey");
    assertEquals("orphan", jdbi.withHandle(h -> h.createQuery("select state from provider_events where event_key = :k")
        .bind("k", "CA" + "4".repeat(32) + ":7:ringing").mapTo(String.class).one()), "an unknown attempt is kept for audit");

    ApiClient.Reply malformed = post(FILTER, path, "CallSid=" + CALL_SID + "&CallStatus=%zz", "AAAA");
    assertEquals(400, malformed.status(), String.valueOf(malformed.body()));
  }

  @Test
  void givenASignedFieldWithoutAValue_itShouldBeStoredAsEmptyNotAnswered500() {
    Map<String, String> params = callback("ringing", 8);
    params.put("CallSid", "CA" + "5".repeat(32));
    params.put("Note", "");
    String body = form(callback("ringing", 8)).replace(CALL_SID, "CA" + "5".repeat(32)) + "&Note";
    ApiClient.Reply reply = post(FILTER, path, body, sign(path, params));
    assertEquals(204, reply.status(), String.valueOf(reply.body()));
    String note = jdbi.withHandle(h -> h.createQuery("select payload->>'Note' from provider_events where event_key = :k")
        .bind("k", "CA" + "5".repeat(32) + ":8:ringing").mapTo(String.class).one());
    assertEquals("", note);
  }

  @Test
  void givenAChunkedStatusCallbackOverTheLimit_itShouldAnswer413AndStoreNothing() throws IOException {
    int before = jdbi.withHandle(h -> h.createQuery("select count(*) from provider_events").mapTo(int.class).one());
    String answer;
    try (Socket socket = new Socket("localhost", APP.getLocalPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write((("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + FILTER
          + "\r\nTransfer-Encoding: chunked\r\n\r\n")).getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      try {
        for (int sent = 0; sent < 2 * 1024 * 1024; sent += chunk.length) {
          out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException closedByServer) {
        // answered before the whole body was taken
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      try {
        for (int n; (n = in.read(buffer)) != -1 && !read.toString(StandardCharsets.UTF_8).contains("}"); ) {
          read.write(buffer, 0, n);
        }
      } catch (IOException reset) {
        // a reset after the answer was read
      }
      answer = read.toString(StandardCharsets.UTF_8);
    }
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("\"code\":\"body_too_large\""), answer);
    int after = jdbi.withHandle(h -> h.createQuery("select count(*) from provider_events").mapTo(int.class).one());
    assertEquals(before, after);
  }
}
