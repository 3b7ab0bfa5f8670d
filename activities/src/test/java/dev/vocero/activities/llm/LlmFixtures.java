package dev.vocero.activities.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;

final class LlmFixtures {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "sk-test-SECRET0123456789abcdef3456";
  static final String GEMINI_KEY = "AIzaSyTEST-secret-0123456789abcdef";

  static final JsonNode SENTIMENT_SCHEMA = json("""
      {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","additionalProperties":false,
       "required":["label","score","reason"],
       "properties":{
         "label":{"type":"string","enum":["positive","neutral","negative"]},
         "score":{"type":"number","minimum":-1,"maximum":1},
         "reason":{"type":["string","null"],"description":"one sentence"}}}
      """);

  private LlmFixtures() {
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ProviderSettings openai(String name, String baseUrl, JsonMode mode) {
    return new ProviderSettings(name, ProviderSettings.OPENAI, baseUrl, KEY, "gpt-4o-mini", mode,
        Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  static ProviderSettings gemini(String name, String baseUrl) {
    return new ProviderSettings(name, ProviderSettings.GEMINI, baseUrl, GEMINI_KEY, "gemini-2.5-flash",
        JsonMode.SCHEMA, Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  static LlmRequest sentimentRequest(String transcript) {
    return new LlmRequest("Classify the sentiment of the call.", List.of(LlmMessage.user(transcript)), "sentiment",
        SENTIMENT_SCHEMA, 0.0, 512);
  }
}
