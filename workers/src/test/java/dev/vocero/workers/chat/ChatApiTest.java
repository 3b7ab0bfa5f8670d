package dev.vocero.workers.chat;

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
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Chat through the running application with no language model configured (the default). */
@ExtendWith(DropwizardExtensionsSupport.class)
class ChatApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = new WireMockServer(wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, ChatApiTest::speechUrl);
  static ApiClient api;
  static Session ana;
  static String audioId;

  static String speechUrl() {
    return SpeechStub.startedBaseUrl(SPEECH);
  }

  @BeforeAll
  static void transcribe() {
    api = new ApiClient(APP.getLocalPort());
    ana = api.registerAndLogin("Cobranzas Norte");
    SpeechStub.answersSpanishCall(SPEECH);
    audioId = ChatTestSupport.transcribedAudio(api, ana.accessToken(), "llamada-chat");
  }

  @AfterAll
  static void stop() {
    SPEECH.stop();
  }

  @Test
  void givenNoModel_whenAsked_itShouldAnswerWithTheBestPassagesAndSaySo() {
    Reply created = api.post("/api/v1/chat/conversations", ana.accessToken(), Map.of("title", "Promesas", "audioIds", List.of(audioId)));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String id = created.body().get("id").asText();
    assertEquals("/api/v1/chat/conversations/" + id, java.net.URI.create(created.header("Location")).getPath());

    Reply answer = api.post("/api/v1/chat/conversations/" + id + "/messages", ana.accessToken(),
        Map.of("question", "¿Cuándo puede pagar el cliente?"));

    assertEquals(200, answer.status(), String.valueOf(answer.body()));
    JsonNode body = answer.body();
    assertEquals(1, body.get("turn").asInt());
    assertFalse(body.get("modelUsed").asBoolean());
    assertTrue(body.get("answer").asText().startsWith("No language model is configured"), body.toString());
    JsonNode citation = body.get("citations").get(0);
    assertEquals(audioId, citation.get("audioId").asText());
    assertEquals(1, citation.get("segmentIndex").asInt());
    assertEquals("Sí, puedo pagar el viernes sin falta.", citation.get("quote").asText());
    assertTrue(body.get("answer").asText().contains("[" + audioId + " @ 00:00]"), body.toString());

    Reply history = api.get("/api/v1/chat/conversations/" + id + "/messages", ana.accessToken());
    assertEquals(200, history.status());
    assertEquals(2, history.body().size());
    assertEquals("user", history.body().get(0).get("role").asText());
    assertEquals("¿Cuándo puede pagar el cliente?", history.body().get(0).get("content").asText());
    assertEquals(audioId, history.body().get(1).get("citations").get(0).get("audioId").asText());

    Reply second = api.post("/api/v1/chat/conversations/" + id + "/messages", ana.accessToken(),
        Map.of("question", "¿Mencionó a un abogado?"));
    assertEquals(2, second.body().get("turn").asInt(), second.body().toString());
    assertEquals(2, second.body().get("citations").get(0).get("segmentIndex").asInt(), second.body().toString());
  }

  @Test
  void givenInvalidRequests_itShouldAnswerWithClearErrors() {
    String id = api.post("/api/v1/chat/conversations", ana.accessToken(), Map.of()).body().get("id").asText();
    String messages = "/api/v1/chat/conversations/" + id + "/messages";

    Reply blank = api.post(messages, ana.accessToken(), Map.of("question", " "));
    assertEquals(422, blank.status());
    assertEquals("invalid_request", blank.code());
    assertEquals("question", blank.body().get("details").get(0).get("field").asText());
    assertEquals(422, api.post(messages, ana.accessToken(), Map.of("question", "x".repeat(2001))).status());
    assertEquals(400, api.post(messages, ana.accessToken(), null).status());
    Reply unknownAudio = api.post("/api/v1/chat/conversations", ana.accessToken(),
        Map.of("audioIds", List.of(UUID.randomUUID().toString())));
    assertEquals(422, unknownAudio.status());
    assertEquals("unknown_audio", unknownAudio.code());
    assertEquals(404, api.post("/api/v1/chat/conversations/" + UUID.randomUUID() + "/messages", ana.accessToken(),
        Map.of("question", "¿hola?")).status());
    assertEquals(401, api.get("/api/v1/chat/conversations", null).status());
  }

  @Test
  void givenAnotherOrganization_itShouldNeitherSeeNorUseTheConversationOrTheAudio() {
    String id = api.post("/api/v1/chat/conversations", ana.accessToken(), Map.of("title", "privada")).body().get("id").asText();
    Session other = api.registerAndLogin("Otra Empresa");

    assertEquals(404, api.get("/api/v1/chat/conversations/" + id + "/messages", other.accessToken()).status());
    Reply ask = api.post("/api/v1/chat/conversations/" + id + "/messages", other.accessToken(), Map.of("question", "¿pagar?"));
    assertEquals(404, ask.status());
    assertEquals("not_found", ask.code());
    assertEquals(0, api.get("/api/v1/chat/conversations", other.accessToken()).body().get("total").asInt());
    assertEquals(422, api.post("/api/v1/chat/conversations", other.accessToken(), Map.of("audioIds", List.of(audioId))).status(),
        "another organization's audio cannot be put in scope");

    String own = api.post("/api/v1/chat/conversations", other.accessToken(), Map.of()).body().get("id").asText();
    JsonNode answer = api.post("/api/v1/chat/conversations/" + own + "/messages", other.accessToken(),
        Map.of("question", "¿Cuándo puede pagar el cliente?")).body();
    assertEquals(0, answer.get("citations").size(), "no passage of another organization: " + answer);
    assertTrue(api.get("/api/v1/chat/conversations", ana.accessToken()).body().get("total").asInt() >= 1);
  }
}
