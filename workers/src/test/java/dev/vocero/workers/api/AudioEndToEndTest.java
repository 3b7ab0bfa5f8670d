package dev.vocero.workers.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real WAV through the running application: upload → Temporal → speech server → PostgreSQL → API. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AudioEndToEndTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = new WireMockServer(wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, AudioEndToEndTest::speechUrl);
  static ApiClient api;
  static Session operator;

  static String speechUrl() {
    return SpeechStub.startedBaseUrl(SPEECH);
  }

  @BeforeAll
  static void login() {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Cobranzas del Sur");
  }

  @AfterAll
  static void stop() {
    SPEECH.stop();
  }

  @Test
  void givenASpanishRecording_whenUploaded_itShouldCompleteWithTranscriptAndOpportunities() {
    SpeechStub.answersSpanishCall(SPEECH);
    Reply accepted = api.upload("/api/v1/audios", operator.accessToken(), "file", "llamada-cobranza.wav",
        Wav.tone(2.0, 440), Map.of("language", "es", "title", "Llamada cobranza 42"));
    assertEquals(202, accepted.status(), String.valueOf(accepted.body()));
    String id = accepted.body().get("id").asText();

    List<String> seen = new ArrayList<>();
    JsonNode audio = awaitStatus(id, "completed", seen);
    assertEquals("es", audio.get("language").asText());
    assertEquals(14_200, audio.get("durationMs").asLong());
    assertEquals("openai", audio.get("speechProvider").asText());
    JsonNode segments = audio.get("segments");
    assertEquals(3, segments.size());
    assertEquals(3_400, segments.get(1).get("startMs").asLong());
    assertEquals("Sí, puedo pagar el viernes sin falta.", segments.get(1).get("text").asText());

    List<String> topics = new ArrayList<>();
    audio.get("opportunities").forEach(o -> topics.add(o.get("topic").asText()));
    assertTrue(topics.contains("payment_promise"), topics.toString());
    assertTrue(topics.contains("legal_threat"), topics.toString());
    JsonNode pagar = find(audio.get("opportunities"), "pagar");
    assertEquals(1, pagar.get("segmentIndex").asInt());
    assertTrue(pagar.get("textBefore").asText().endsWith("puedo"), pagar.toString());
    assertTrue(pagar.get("textAfter").asText().startsWith("el viernes"), pagar.toString());

    SPEECH.verify(1, postRequestedFor(urlEqualTo(SpeechStub.PATH))
        .withHeader("Authorization", equalTo("Bearer sk-test-key"))
        .withRequestBodyPart(aMultipart("model").withBody(equalTo("whisper-1")).build())
        .withRequestBodyPart(aMultipart("language").withBody(equalTo("es")).build()));

    Reply reprocess = api.post("/api/v1/audios/" + id + "/reprocess", operator.accessToken(), Map.of("language", "es"));
    assertEquals(202, reprocess.status(), String.valueOf(reprocess.body()));
    awaitUpdatedCompletion(id, audio.get("completedAt").asText());
    SPEECH.verify(2, postRequestedFor(urlEqualTo(SpeechStub.PATH)));
    assertEquals(3, api.get("/api/v1/audios/" + id, operator.accessToken()).body().get("segments").size(),
        "reprocessing replaces the transcript instead of appending to it");
  }

  @Test
  void givenAProviderThatRejectsTheKey_itShouldFailWithAClearReason() {
    SPEECH.stubFor(post(urlEqualTo(SpeechStub.PATH)).atPriority(1)
        .withMultipartRequestBody(aMultipart("file").withHeader("Content-Disposition", containing("rechazo.wav")))
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"message\":\"Incorrect API key provided: sk-tes**-key\",\"type\":\"invalid_request_error\"}}")));
    Reply accepted = api.upload("/api/v1/audios", operator.accessToken(), "file", "rechazo.wav", Wav.tone(1.2, 880),
        Map.of("title", "rechazo"));
    String id = accepted.body().get("id").asText();

    JsonNode audio = awaitTerminal(id);
    assertEquals("failed", audio.get("status").asText(), audio.toString());
    String reason = audio.get("failureReason").asText();
    assertTrue(reason.contains("401"), reason);
    assertTrue(!reason.contains("sk-test-key"), "no key in the reason: " + reason);
    assertEquals(0, audio.get("segments").size());
    SPEECH.verify(1, postRequestedFor(urlEqualTo(SpeechStub.PATH))
        .withRequestBodyPart(aMultipart("file").withHeader("Content-Disposition", containing("rechazo.wav")).build()));
  }

  private static JsonNode find(JsonNode opportunities, String keyword) {
    for (JsonNode o : opportunities) {
      if (o.get("keyword").asText().equals(keyword)) {
        return o;
      }
    }
    throw new AssertionError("no opportunity for " + keyword + " in " + opportunities);
  }

  private JsonNode awaitStatus(String id, String status, List<String> seen) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode audio = api.get("/api/v1/audios/" + id, operator.accessToken()).body();
      String now = audio.get("status").asText();
      if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
        seen.add(now);
      }
      if (now.equals(status)) {
        return audio;
      }
      if (now.equals("failed")) {
        throw new AssertionError("audio failed: " + audio.get("failureReason"));
      }
      pause();
    }
    throw new AssertionError("audio never reached " + status + "; saw " + seen);
  }

  private JsonNode awaitTerminal(String id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode audio = api.get("/api/v1/audios/" + id, operator.accessToken()).body();
      if (List.of("completed", "failed", "cancelled").contains(audio.get("status").asText())) {
        return audio;
      }
      pause();
    }
    throw new AssertionError("audio " + id + " never finished");
  }

  private void awaitUpdatedCompletion(String id, String previousCompletedAt) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode audio = api.get("/api/v1/audios/" + id, operator.accessToken()).body();
      if (audio.get("status").asText().equals("completed") && !audio.get("completedAt").asText().equals(previousCompletedAt)) {
        return;
      }
      pause();
    }
    throw new AssertionError("reprocessing never completed");
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
