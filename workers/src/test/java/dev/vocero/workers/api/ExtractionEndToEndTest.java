package dev.vocero.workers.api;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.vocero.activities.llm.OpenAiChatStub;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Upload → transcription → opportunities → extraction by an OpenAI-compatible chat server (WireMock) → API. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ExtractionEndToEndTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = new WireMockServer(wireMockConfig().dynamicPort());
  static final WireMockServer LLM = new WireMockServer(wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget,
      () -> started(SPEECH),
      ConfigOverride.config("llm.providers[0].type", "openai"),
      ConfigOverride.config("llm.providers[0].name", "local-llm"),
      ConfigOverride.config("llm.providers[0].baseUrl", () -> started(LLM) + "/v1"),
      ConfigOverride.config("llm.providers[0].apiKey", "sk-llm-test-key"),
      ConfigOverride.config("llm.providers[0].model", "qwen2.5-7b-instruct"));
  static ApiClient api;
  static Session operator;

  static String started(WireMockServer server) {
    if (!server.isRunning()) {
      server.start();
    }
    return server.baseUrl();
  }

  @BeforeAll
  static void login() {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Cobranzas Extractivas");
  }

  @AfterAll
  static void stop() {
    SPEECH.stop();
    LLM.stop();
  }

  @Test
  void givenAnUploadedCall_whenProcessed_itShouldShowEveryEnabledExtractorsResultAndWhoAnswered() {
    SpeechStub.answersSpanishCall(SPEECH);
    OpenAiChatStub chat = new OpenAiChatStub(new WireMock(LLM.port()), LLM.baseUrl());
    chat.answersWhenPromptContains("\"name\":\"sentiment\"", "{\"label\":\"mixed\",\"score\":-0.2}");
    chat.answersWhenPromptContains("\"name\":\"payment_promise\"", """
        {"promised":true,"amount":null,"currency":null,"date":null,
         "evidence":[{"quote":"Sí, puedo pagar el viernes sin falta.","timestampMs":3400}]}""");
    chat.answersWhenPromptContains("\"name\":\"churn_risk\"", "{\"risk\":\"high\",\"reason\":\"mentions a lawyer\"}");
    for (String name : List.of("summary", "intent", "callback_request", "complaint", "opportunities")) {
      assertEquals(200, api.post("/api/v1/extractors/" + name + "/disable", operator.accessToken(), Map.of()).status());
    }
    Map<String, Object> schema = Map.of("type", "object", "required", List.of("risk"),
        "properties", Map.of("risk", Map.of("type", "string", "enum", List.of("low", "medium", "high"))));
    assertEquals(201, api.post("/api/v1/extractors", operator.accessToken(), Map.of("name", "churn_risk",
        "description", "Churn risk", "instructions", "Judge the churn risk.", "schema", schema)).status());
    Map<String, Object> v2 = new HashMap<>(schema);
    v2.put("required", List.of("risk", "reason"));
    v2.put("properties", Map.of("risk", Map.of("type", "string", "enum", List.of("low", "medium", "high")),
        "reason", Map.of("type", "string")));
    assertEquals(201, api.post("/api/v1/extractors/churn_risk/versions", operator.accessToken(), Map.of(
        "description", "Churn risk and why", "instructions", "Judge the churn risk and say why.", "schema", v2))
        .status());

    Reply accepted = api.upload("/api/v1/audios", operator.accessToken(), "file", "promesa.wav",
        Wav.tone(1.5, 440), Map.of("language", "es"));
    assertEquals(202, accepted.status(), String.valueOf(accepted.body()));
    JsonNode audio = api.awaitCompletedAudio(accepted.body().get("id").asText(), operator.accessToken(),
        Duration.ofSeconds(90));

    JsonNode extractions = audio.get("extractions");
    assertEquals(3, extractions.size(), extractions.toString());
    JsonNode sentiment = byName(extractions, "sentiment");
    assertEquals("ok", sentiment.get("status").asText());
    assertEquals("local-llm", sentiment.get("provider").asText(), "the configured provider name answers");
    assertEquals(OpenAiChatStub.MODEL, sentiment.get("model").asText());
    assertEquals(-0.2, sentiment.at("/result/score").asDouble(), 1e-9);
    JsonNode promise = byName(extractions, "payment_promise");
    assertEquals("ok", promise.get("status").asText(), promise.toString());
    assertEquals(3_400, promise.at("/result/evidence/0/timestampMs").asLong());
    JsonNode churn = byName(extractions, "churn_risk");
    assertEquals(2, churn.get("version").asInt(), "the latest version runs");
    assertEquals("high", churn.at("/result/risk").asText());

    List<JsonNode> sent = chat.requests();
    assertEquals(3, sent.size());
    for (JsonNode request : sent) {
      assertEquals("qwen2.5-7b-instruct", request.get("model").asText());
      String user = request.at("/messages/1/content").asText();
      assertTrue(user.contains("<transcript>") && user.contains("\"startMs\":3400"), user);
      assertFalse(request.at("/messages/0/content").asText().contains("viernes"));
    }
    LLM.verify(3, WireMock.postRequestedFor(WireMock.urlEqualTo(OpenAiChatStub.PATH))
        .withHeader("Authorization", WireMock.equalTo("Bearer sk-llm-test-key")));
  }

  private static JsonNode byName(JsonNode extractions, String name) {
    for (JsonNode e : extractions) {
      if (e.get("extractor").asText().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no extraction " + name + " in " + extractions);
  }
}
