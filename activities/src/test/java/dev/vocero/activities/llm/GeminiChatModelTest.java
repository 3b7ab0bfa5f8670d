package dev.vocero.activities.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vocero.activities.llm.LlmFixtures.GEMINI_KEY;
import static dev.vocero.activities.llm.LlmFixtures.gemini;
import static dev.vocero.activities.llm.LlmFixtures.json;
import static dev.vocero.activities.llm.LlmFixtures.sentimentRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GeminiChatModelTest {

  private static final String PATH = "/v1beta/models/gemini-2.5-flash:generateContent";
  private static final String ANSWER = """
      {"candidates":[{"content":{"role":"model","parts":[{"text":"{\\"label\\":\\"negative\\","},
        {"text":"\\"score\\":-0.6,\\"reason\\":\\"angry\\"}"}]},"finishReason":"STOP","index":0}],
       "usageMetadata":{"promptTokenCount":210,"candidatesTokenCount":18,"totalTokenCount":228},
       "modelVersion":"gemini-2.5-flash-001","responseId":"abc"}
      """;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private GeminiChatModel model() {
    return new GeminiChatModel(gemini("gemini", wm.baseUrl()));
  }

  @Test
  void givenAStructuredRequest_whenCompleting_itShouldSendTheDocumentedGenerateContentAndJoinTheParts() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).withHeader("x-goog-api-key", equalTo(GEMINI_KEY)).willReturn(okJson(ANSWER)));
    LlmRequest request = new LlmRequest("Classify the sentiment.", List.of(LlmMessage.user("Cliente: pésimo"),
        LlmMessage.assistant("{}"), LlmMessage.user("again")), "sentiment", LlmFixtures.SENTIMENT_SCHEMA, 0.0, 256);

    LlmAnswer answer = model().complete(request);

    assertEquals("{\"label\":\"negative\",\"score\":-0.6,\"reason\":\"angry\"}", answer.text());
    assertEquals("gemini", answer.provider());
    assertEquals("gemini-2.5-flash-001", answer.model());
    assertEquals(210, answer.inputTokens());
    assertEquals(18, answer.outputTokens());

    var logged = wm.findAll(postRequestedFor(urlEqualTo(PATH))).get(0);
    assertFalse(logged.getUrl().contains("key="), "the key travels in the header, never in the URL");
    JsonNode sent = LlmFixtures.JSON.readTree(logged.getBodyAsString());
    assertEquals("Classify the sentiment.", sent.at("/systemInstruction/parts/0/text").asText());
    assertEquals("user", sent.at("/contents/0/role").asText());
    assertEquals("model", sent.at("/contents/1/role").asText());
    assertEquals("application/json", sent.at("/generationConfig/responseMimeType").asText());
    assertEquals(256, sent.at("/generationConfig/maxOutputTokens").asInt());
    JsonNode schema = sent.at("/generationConfig/responseSchema");
    assertEquals("OBJECT", schema.path("type").asText());
    assertTrue(schema.path("additionalProperties").isMissingNode());
    assertTrue(schema.path("$schema").isMissingNode());
    assertEquals("STRING", schema.at("/properties/reason/type").asText());
    assertTrue(schema.at("/properties/reason/nullable").asBoolean());
    assertEquals(json("[\"label\",\"score\",\"reason\"]"), schema.path("propertyOrdering"));
  }

  @Test
  void givenABlockedPrompt_whenCompleting_itShouldFailAsRefused() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(
        "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"},\"usageMetadata\":{\"promptTokenCount\":5}}")));

    LanguageModelException e = assertThrows(LanguageModelException.class, () -> model().complete(sentimentRequest("x")));

    assertEquals(LanguageModelException.Kind.REFUSED, e.kind());
    assertTrue(e.getMessage().contains("SAFETY"));
  }

  @Test
  void givenABadKey_whenCompleting_itShouldBeUnauthorizedWithoutTheKey() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
        .withStatus(400).withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":400,"
            + "\"message\":\"API key not valid. Please pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\","
            + "\"details\":[{\"reason\":\"API_KEY_INVALID\"}]}}")));

    LanguageModelException e = assertThrows(LanguageModelException.class, () -> model().complete(sentimentRequest("x")));

    assertEquals(LanguageModelException.Kind.UNAUTHORIZED, e.kind());
    assertFalse(e.getMessage().contains(GEMINI_KEY));
  }
}
