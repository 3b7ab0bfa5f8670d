package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.domain.telephony.TwilioSignatures;
import dev.vocero.api.calls.EventDelivery;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.calls.EventRelay;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Twilio status callbacks: signature checks, store-once, unknown calls kept for audit, relay of pending events. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwilioWebhookApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final String TOKEN = "sandbox-auth-token";
  static Jdbi jdbi;
  static UUID attemptId;

  @BeforeAll
  static void attempt() {
    jdbi = DB.jdbi();
    attemptId = CallFixtures.placedAttempt(jdbi, "sandbox", "CA" + "1".repeat(32));
  }

  private static String url(String query) {
    return "http://localhost:" + APP.getLocalPort() + "/webhooks/twilio/voice/status" + query;
  }

  private static String recordingUrl(String query) {
    return "http://localhost:" + APP.getLocalPort() + "/webhooks/twilio/voice/recording" + query;
  }

  private static int post(String query, Map<String, String> params, String signature) throws Exception {
    return postTo(url(query), params, signature);
  }

  private static int postTo(String url, Map<String, String> params, String signature) throws Exception {
    String body = params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static Map<String, String> callback(String status, int sequence) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", "CA" + "1".repeat(32));
    params.put("AccountSid", "AC" + "5a4d".repeat(8));
    params.put("CallStatus", status);
    params.put("SequenceNumber", String.valueOf(sequence));
    params.put("To", "+573001234560");
    params.put("CallDuration", "42");
    return params;
  }

  private static int events() {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from provider_events").mapTo(Integer.class).one());
  }

  /** Twilio's documented RecordingStatusCallback parameters. */
  private static Map<String, String> recording(String status) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", "AC" + "5a4d".repeat(8));
    params.put("CallSid", "CA" + "1".repeat(32));
    params.put("RecordingSid", "RE" + "2".repeat(32));
    params.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC" + "5a4d".repeat(8) + "/Recordings/RE"
        + "2".repeat(32));
    params.put("RecordingStatus", status);
    params.put("RecordingDuration", "42");
    params.put("RecordingChannels", "1");
    params.put("RecordingSource", "OutboundAPI");
    params.put("RecordingStartTime", "Tue, 09 Sep 2025 15:17:00 +0000");
    return params;
  }

  private static int recordingEvents() {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from provider_events where kind = 'recording'")
        .mapTo(Integer.class).one());
  }

  @Test
  void givenForgedOrMissingRecordingSignatures_itShouldAnswer403AndStoreNothing() throws Exception {
    String url = recordingUrl("?attemptId=" + attemptId);
    Map<String, String> params = recording("completed");
    int before = events();
    assertEquals(403, postTo(url, params, null));
    assertEquals(403, postTo(url, params, TwilioSignatures.sign(TOKEN, url, recording("failed"))));
    assertEquals(403, postTo(url, params, TwilioSignatures.sign("wrong-token", url, params)));
    assertEquals(403, postTo(url, params, TwilioSignatures.sign(TOKEN, url(("?attemptId=" + attemptId)), params)),
        "a signature made for the status URL does not sign the recording URL");
    assertEquals(before, events());
  }

  @Test
  void givenASignedRecordingCallbackTwice_itShouldStoreItOnceAndSignalOnlyFinalStatuses() throws Exception {
    String url = recordingUrl("?attemptId=" + attemptId);
    Map<String, String> completed = recording("completed");
    int before = recordingEvents();
    assertEquals(204, postTo(url, completed, TwilioSignatures.sign(TOKEN, url, completed)));
    assertEquals(204, postTo(url, completed, TwilioSignatures.sign(TOKEN, url, completed)), "a redelivery is a no-op");
    Map<String, String> inProgress = recording("in-progress");
    assertEquals(204, postTo(url, inProgress, TwilioSignatures.sign(TOKEN, url, inProgress)));
    assertEquals(before + 2, recordingEvents());
    assertEquals("delivered", jdbi.withHandle(h -> h.createQuery(
        "select state from provider_events where event_key = :k").bind("k", "RE" + "2".repeat(32) + ":in-progress")
        .mapTo(String.class).one()), "a non-final status is kept but not signalled");
    assertEquals("RE" + "2".repeat(32), jdbi.withHandle(h -> h.createQuery(
        "select recording_id from provider_events where event_key = :k").bind("k", "RE" + "2".repeat(32) + ":completed")
        .mapTo(String.class).one()));

    Map<String, String> noSid = recording("completed");
    noSid.remove("RecordingSid");
    assertEquals(422, postTo(url, noSid, TwilioSignatures.sign(TOKEN, url, noSid)));
    assertEquals(before + 2, recordingEvents(), "an invalid callback stores nothing");
  }

  @Test
  void givenForgedOrMissingSignatures_itShouldAnswer403AndStoreNothing() throws Exception {
    String query = "?attemptId=" + attemptId;
    Map<String, String> params = callback("completed", 9);
    int before = events();
    String signedForOtherParams = TwilioSignatures.sign(TOKEN, url(query), callback("busy", 9));
    assertEquals(403, post(query, params, signedForOtherParams));
    assertEquals(403, post(query, params, null));
    assertEquals(403, post(query, params, TwilioSignatures.sign("wrong-token", url(query), params)));
    assertEquals(403, post(query, params, TwilioSignatures.sign(TOKEN, url("?attemptId=" + UUID.randomUUID()), params)));
    assertEquals(before, events());
  }

  @Test
  void givenTheSameSignedEventTwice_itShouldStoreItOnceAndUpdateTheAttempt() throws Exception {
    String query = "?attemptId=" + attemptId;
    Map<String, String> params = callback("ringing", 1);
    String signature = TwilioSignatures.sign(TOKEN, url(query), params);
    int before = events();
    assertEquals(204, post(query, params, signature));
    assertEquals(204, post(query, params, signature), "a replayed delivery is a no-op");
    assertEquals(before + 1, events());
    String stored = jdbi.withHandle(h -> h.createQuery("select payload::text from provider_events where event_key like '%:1:ringing'")
        .mapTo(String.class).one());
    assertFalse(stored.contains("3001234560"), "phone numbers are masked in the audit log: " + stored);
    Map<String, String> expected = new LinkedHashMap<>(params);
    expected.put("To", "+57300•••4560");
    assertEquals(expected, new ObjectMapper().readValue(stored, new TypeReference<Map<String, String>>() {}),
        "every field of the callback, as sent, but the number");
    assertEquals("ringing", jdbi.withHandle(h -> h.createQuery("select provider_status from call_attempts where id = :id")
        .bind("id", attemptId).mapTo(String.class).one()));
    assertEquals("delivered", jdbi.withHandle(h -> h.createQuery("select state from provider_events where event_key"
        + " like '%:1:ringing'").mapTo(String.class).one()), "a status the workflow does not wait for is not signalled");
  }

  @Test
  void givenATerminalStatus_itShouldAnswerAtOnceAndSignalAfterwards() throws Exception {
    String query = "?attemptId=" + attemptId;
    Map<String, String> params = callback("busy", 3);
    assertEquals(204, post(query, params, TwilioSignatures.sign(TOKEN, url(query), params)));
    // no workflow runs for this attempt: the signal answers not-found, which also counts as delivered
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String state = null;
    while (System.nanoTime() < deadline && !"delivered".equals(state)) {
      Thread.sleep(50);
      state = jdbi.withHandle(h -> h.createQuery("select state from provider_events where event_key like '%:3:busy'")
          .mapTo(String.class).one());
    }
    assertEquals("delivered", state);
  }

  @Test
  void givenACallbackForAnUnknownCall_itShouldKeepItForAudit() throws Exception {
    String query = "?attemptId=" + UUID.randomUUID();
    Map<String, String> params = callback("completed", 4);
    params.put("CallSid", "CA" + "9".repeat(32));
    assertEquals(204, post(query, params, TwilioSignatures.sign(TOKEN, url(query), params)));
    assertEquals("orphan", jdbi.withHandle(h -> h.createQuery("select state from provider_events where provider_call_id = :c")
        .bind("c", "CA" + "9".repeat(32)).mapTo(String.class).one()));
  }

  @Test
  void givenTwilioFetchingTheScript_itShouldRenderTheContactsVariablesAsTwiml() throws Exception {
    String twimlUrl = "http://localhost:" + APP.getLocalPort() + "/twiml/calls/" + attemptId;
    Map<String, String> params = callback("in-progress", 2);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twimlUrl))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", TwilioSignatures.sign(TOKEN, twimlUrl, params))
        .POST(HttpRequest.BodyPublishers.ofString(params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"))));
    HttpResponse<String> twiml = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, twiml.statusCode());
    assertTrue(twiml.body().contains("<Say language=\"es-MX\">Hola Ana."), twiml.body());
    assertTrue(twiml.body().matches("(?s).*<Gather [^>]*numDigits=\"1\".*"), twiml.body());

    HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(twimlUrl))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", "AAAA")
        .POST(HttpRequest.BodyPublishers.ofString("CallSid=x")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, forged.statusCode());
  }

  @Test
  void givenAPendingEvent_whenTheRelayRuns_itShouldDeliverIt() {
    long id = jdbi.withHandle(h -> h.createQuery("insert into provider_events (provider, event_key, org_id, attempt_id,"
            + " provider_call_id, sequence, status, terminal, disposition, payload, state, received_at)"
            + " select 'twilio', 'relay-test', org_id, id, provider_call_id, 7, 'completed', true, 'answered_human', '{}',"
            + " 'pending', now() - interval '1 minute' from call_attempts where id = :id returning id")
        .bind("id", attemptId).mapTo(Long.class).one());
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(TestStack.temporalTarget()).build());
    try {
      EventRelay relay = new EventRelay(jdbi, new EventDelivery(jdbi, TestStack.client(stubs)), Duration.ofSeconds(1));
      assertTrue(relay.relay() >= 1);
      assertEquals("delivered", jdbi.withHandle(h -> h.createQuery("select state from provider_events where id = :id")
          .bind("id", id).mapTo(String.class).one()));
    } finally {
      stubs.shutdownNow();
    }
  }
}
