package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vocero.domain.telephony.RetellSignatures;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retell's call webhooks: x-retell-signature checked, stored once, call_analysis kept on the attempt. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RetellWebhookApiTest {
  static final String KEY = "key_retell_test_0123456789";
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9", ConfigOverride.config("telephony.retell.apiKey", KEY));
  static Jdbi jdbi;
  static UUID attemptId;

  @BeforeAll
  static void attempt() {
    jdbi = DB.jdbi();
    attemptId = CallFixtures.placedAttempt(jdbi, "retell", "call_abc123");
  }

  private static int post(String body, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + "/webhooks/retell"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("x-retell-signature", signature);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static String analyzed() {
    return """
        {"event":"call_analyzed","call":{"call_id":"call_abc123","call_status":"ended","disconnection_reason":"user_hangup",
         "duration_ms":61000,"from_number":"+15005550006","to_number":"+573001234560",
         "transcript":"Agent: Hola Ana... User: Sí, pago el viernes.",
         "metadata":{"attempt_id":"%s"},
         "call_analysis":{"call_summary":"Promete pagar el viernes","user_sentiment":"Positive","call_successful":true}}}
        """.formatted(attemptId);
  }

  @Test
  void givenASignedCallAnalyzedEvent_itShouldStoreItOnceWithTheAnalysisAndWithoutTheTranscript() throws Exception {
    String body = analyzed();
    String signature = RetellSignatures.sign(KEY, body, Instant.now());
    assertEquals(204, post(body, signature));
    assertEquals(204, post(body, signature), "a redelivery is a no-op");
    assertEquals(1, (int) jdbi.withHandle(h -> h.createQuery("select count(*) from provider_events where provider = 'retell'")
        .mapTo(Integer.class).one()));
    String payload = jdbi.withHandle(h -> h.createQuery("select payload::text from provider_events where provider = 'retell'")
        .mapTo(String.class).one());
    assertFalse(payload.contains("pago el viernes") || payload.contains("+573001234560"), payload);
    assertEquals("Promete pagar el viernes", jdbi.withHandle(h -> h.createQuery(
        "select analysis->>'call_summary' from call_attempts where id = :id").bind("id", attemptId).mapTo(String.class).one()));
  }

  @Test
  void givenARecordingUrlInCallEndedAndCallAnalyzed_itShouldStoreOneRecordingEvent() throws Exception {
    UUID recorded = CallFixtures.placedAttempt(jdbi, "retell", "call_rec456");
    for (String event : new String[] {"call_ended", "call_analyzed"}) {
      String body = """
          {"event":"%s","call":{"call_id":"call_rec456","call_status":"ended","disconnection_reason":"user_hangup",
           "duration_ms":30000,"recording_url":"https://retell-recordings.example/call_rec456/recording.wav",
           "metadata":{"attempt_id":"%s"}}}
          """.formatted(event, recorded);
      assertEquals(204, post(body, RetellSignatures.sign(KEY, body, Instant.now())));
    }
    assertEquals(List.of("recording:call_rec456|https://retell-recordings.example/call_rec456/recording.wav"),
        jdbi.withHandle(h -> h.createQuery("select event_key || '|' || recording_url from provider_events"
            + " where provider = 'retell' and kind = 'recording' and attempt_id = :id").bind("id", recorded)
            .mapTo(String.class).list()));
  }

  @Test
  void givenAForgedOrStaleSignature_itShouldAnswer403() throws Exception {
    String body = analyzed().replace("call_analyzed", "call_ended");
    assertEquals(403, post(body, null));
    assertEquals(403, post(body, RetellSignatures.sign("another-key", body, Instant.now())));
    assertEquals(403, post(body, RetellSignatures.sign(KEY, body, Instant.now().minusSeconds(3600))));
    assertEquals(403, post(body, RetellSignatures.sign(KEY, body.replace("61000", "1000"), Instant.now())));
  }
}
