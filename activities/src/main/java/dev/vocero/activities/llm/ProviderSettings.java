package dev.vocero.activities.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * One language-model provider of the chain.
 *
 * @param name    what answers are attributed to ({@link LlmAnswer#provider()}) and what logs and breakers are named
 * @param type    {@code openai} (any OpenAI-compatible chat completions server) or {@code gemini}
 * @param baseUrl OpenAI-compatible: up to and including {@code /v1}; Gemini: the host, e.g.
 *                {@code https://generativelanguage.googleapis.com}
 * @param apiKey  may be null for local servers; never logged or put in a message
 */
public record ProviderSettings(String name, String type, String baseUrl, String apiKey, String model, JsonMode jsonMode,
    Duration connectTimeout, Duration requestTimeout) {

  public static final String OPENAI = "openai";
  public static final String GEMINI = "gemini";

  public ProviderSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(jsonMode, "jsonMode");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    while (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
  }

  public boolean hasApiKey() {
    return apiKey != null && !apiKey.isBlank();
  }

  /** For logs: everything but the key. */
  public String describe() {
    return "name=" + name + " type=" + type + " baseUrl=" + baseUrl + " model=" + model + " jsonMode=" + jsonMode.wire()
        + " apiKey=" + (hasApiKey() ? "set" : "unset");
  }

  @Override
  public String toString() {
    return "ProviderSettings{" + describe() + "}";
  }
}
