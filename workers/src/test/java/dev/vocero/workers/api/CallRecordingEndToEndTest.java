package dev.vocero.workers.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A recorded call becomes a processed audio: sandbox call → signed status and recording callbacks through the real
 * webhooks → the contact downloads the WAV over HTTP (basic auth) → blob + audio row → audio workflow (child) → speech
 * server → transcript and opportunities shown on the call.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CallRecordingEndToEndTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = new WireMockServer(wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget,
      CallRecordingEndToEndTest::speechUrl, ConfigOverride.config("telephony.sandbox.record", "true"));
  static final String SETTINGS = """
      {"name":"Cobranza grabada","callsPerSecond":20,"maxConcurrentCalls":2,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static ApiClient api;
  static Session operator;

  static String speechUrl() {
    return SpeechStub.startedBaseUrl(SPEECH);
  }

  @BeforeAll
  static void login() {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Cobranzas Grabadas");
  }

  @AfterAll
  static void stop() {
    SPEECH.stop();
  }

  @Test
  void givenARecordedSandboxCall_whenAnswered_itsTranscriptShouldShowOnTheCall() throws IOException {
    SpeechStub.answersSpanishCall(SPEECH);
    byte[] xlsx = CallFixtures.workbook(List.of(
        List.of("Nombre", "Teléfono", "Monto"),
        List.of("Ana Pérez", "300 123 4560", "150.000"),     // answered by a person: recorded
        List.of("Jorge Díaz", "300 123 4563", "12.000")));   // busy: nothing to record
    Reply created = api.upload("/api/v1/batches", operator.accessToken(), "file", "grabadas.xlsx", xlsx,
        Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String batchId = created.body().get("id").asText();

    JsonNode ana = await("Ana's recording is transcribed", () -> call(batchId, "Ana Pérez"),
        c -> "completed".equals(c.at("/history/0/audioStatus").asText()));
    JsonNode attempt = ana.at("/history/0");
    assertEquals("answered_human", attempt.get("disposition").asText());
    assertFalse(attempt.get("audioId").isNull());

    Reply detail = api.get("/api/v1/batches/" + batchId + "/calls/" + attempt.get("id").asText(), operator.accessToken());
    assertEquals(200, detail.status(), String.valueOf(detail.body()));
    JsonNode audio = detail.body().get("audio");
    assertEquals(attempt.get("audioId").asText(), audio.get("id").asText());
    assertEquals("completed", audio.get("status").asText());
    assertEquals("audio/wav", audio.get("contentType").asText());
    assertEquals(3, audio.get("segments").size());
    assertEquals("Sí, puedo pagar el viernes sin falta.", audio.at("/segments/1/text").asText());
    assertTrue(audio.get("opportunities").size() >= 1, "a payment promise is an opportunity: " + audio);
    String phone = detail.body().at("/attempt/phone").asText();
    assertTrue(phone.contains("•••") && !phone.contains("1234560"), "phones stay masked: " + phone);
    SPEECH.verify(1, postRequestedFor(urlEqualTo(SpeechStub.PATH)));

    JsonNode jorge = call(batchId, "Jorge Díaz");
    assertEquals("busy", jorge.at("/history/0/disposition").asText());
    assertTrue(jorge.at("/history/0/audioId").isNull(), "an unanswered call has no recording");
    assertEquals(1, (int) DB.jdbi().withHandle(h -> h.createQuery(
        "select count(*) from audios where source = 'call'").mapTo(Integer.class).one()), "one audio per recording");
    assertEquals(1, (int) DB.jdbi().withHandle(h -> h.createQuery(
        "select count(*) from provider_events where kind = 'recording' and state = 'delivered'")
        .mapTo(Integer.class).one()), "the recording callback came through the signed webhook");

    Session other = api.registerAndLogin("Ajena Grabaciones");
    assertEquals(404, api.get("/api/v1/batches/" + batchId + "/calls/" + attempt.get("id").asText(),
        other.accessToken()).status());
  }

  private JsonNode call(String batchId, String name) {
    for (JsonNode call : api.get("/api/v1/batches/" + batchId + "/calls?pageSize=50", operator.accessToken()).body()
        .get("items")) {
      if (name.equals(call.get("name").asText())) {
        return call;
      }
    }
    throw new AssertionError(name + " is not in the batch");
  }

  private static JsonNode await(String what, java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = read.get();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting until " + what + ": " + last);
  }
}
