package dev.vocero.activities.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vocero.activities.llm.LlmFixtures.KEY;
import static dev.vocero.activities.llm.LlmFixtures.SENTIMENT_SCHEMA;
import static dev.vocero.activities.llm.LlmFixtures.openai;
import static dev.vocero.activities.llm.LlmFixtures.sentimentRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiChatModelTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private OpenAiChatStub chat;

  @BeforeEach
  void stub() {
    chat = new OpenAiChatStub(wm.getRuntimeInfo().getWireMock(), wm.baseUrl());
  }

  private OpenAiChatModel model(JsonMode mode) {
    return new OpenAiChatModel(openai("openai", chat.baseUrl() + "/", mode));
  }

  @Test
  void givenAStructuredRequest_whenCompleting_itShouldSendAStrictJsonSchemaAndParseTheDocumentedAnswer() {
    chat.answers("{\"label\":\"positive\",\"score\":0.7,\"reason\":null}");

    LlmAnswer answer = model(JsonMode.SCHEMA).complete(sentimentRequest("Cliente: gracias, todo bien."));

    assertEquals("{\"label\":\"positive\",\"score\":0.7,\"reason\":null}", answer.text());
    assertEquals("openai", answer.provider());
    assertEquals(OpenAiChatStub.MODEL, answer.model(), "the model the server reported");
    assertEquals(120, answer.inputTokens());
    assertEquals(30, answer.outputTokens());
    assertFalse(answer.cached());

    JsonNode sent = chat.requests().get(0);
    assertEquals("gpt-4o-mini", sent.path("model").asText());
    assertEquals("system", sent.at("/messages/0/role").asText());
    assertEquals("Classify the sentiment of the call.", sent.at("/messages/0/content").asText());
    assertEquals("user", sent.at("/messages/1/role").asText());
    assertEquals("json_schema", sent.at("/response_format/type").asText());
    assertEquals("sentiment", sent.at("/response_format/json_schema/name").asText());
    assertTrue(sent.at("/response_format/json_schema/strict").asBoolean());
    assertEquals(SENTIMENT_SCHEMA, sent.at("/response_format/json_schema/schema"));
    assertEquals(512, sent.path("max_tokens").asInt());
    assertEquals("Bearer " + KEY, wm.getAllServeEvents().get(0).getRequest().getHeader("Authorization"));
  }

  @Test
  void givenAServerThatRejectsJsonSchema_whenCompleting_itShouldAskAgainInJsonObjectModeWithTheSchemaInTheInstructions() {
    chat.respondsInSequence(OpenAiChatStub.error(400, null),
        OpenAiChatStub.completion("{\"label\":\"neutral\",\"score\":0,\"reason\":null}", "llama3.1"));

    LlmAnswer answer = model(JsonMode.SCHEMA).complete(sentimentRequest("hola"));

    assertEquals("llama3.1", answer.model());
    List<JsonNode> sent = chat.requests();
    assertEquals(2, sent.size());
    assertEquals("json_schema", sent.get(0).at("/response_format/type").asText());
    assertEquals("json_object", sent.get(1).at("/response_format/type").asText());
    String system = sent.get(1).at("/messages/0/content").asText();
    assertTrue(system.contains("JSON Schema") && system.contains("\"enum\":[\"positive\",\"neutral\",\"negative\"]"),
        system);
  }

  @Test
  void givenJsonModeNone_whenCompleting_itShouldSendNoResponseFormat() {
    chat.answers("{}");

    model(JsonMode.NONE).complete(sentimentRequest("hola"));

    JsonNode sent = chat.requests().get(0);
    assertTrue(sent.path("response_format").isMissingNode());
    assertTrue(sent.at("/messages/0/content").asText().contains("JSON Schema"));
  }

  @Test
  void givenARefusal_whenCompleting_itShouldFailAsRefused() {
    chat.respondsInSequence(OpenAiChatStub.refusal("I can't help with that."));

    LanguageModelException e = assertThrows(LanguageModelException.class,
        () -> model(JsonMode.SCHEMA).complete(sentimentRequest("hola")));

    assertEquals(LanguageModelException.Kind.REFUSED, e.kind());
  }

  @Test
  void givenA429WithRetryAfter_whenCompleting_itShouldBeTransientAndCarryTheDelay() {
    chat.respondsInSequence(OpenAiChatStub.error(429, "7"));

    LanguageModelException e = assertThrows(LanguageModelException.class,
        () -> model(JsonMode.SCHEMA).complete(sentimentRequest("hola")));

    assertEquals(LanguageModelException.Kind.TRANSIENT, e.kind());
    assertEquals(Duration.ofSeconds(7), e.retryAfter());
  }

  @Test
  void givenARefusedKey_whenCompleting_itShouldBeUnauthorizedWithoutTheKeyInTheMessage() {
    chat.respondsInSequence(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\",\"code\":\"invalid_api_key\"}}"));

    LanguageModelException e = assertThrows(LanguageModelException.class,
        () -> model(JsonMode.SCHEMA).complete(sentimentRequest("hola")));

    assertEquals(LanguageModelException.Kind.UNAUTHORIZED, e.kind());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
    assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
  }
}
