package dev.vocero.activities.llm;

import java.util.Locale;

/** How a provider is asked for JSON. */
public enum JsonMode {
  /** Native structured output: OpenAI {@code json_schema} (strict), Gemini {@code responseSchema}. */
  SCHEMA,
  /** JSON mode only ({@code json_object}, Gemini {@code application/json}); the schema goes in the instructions. */
  OBJECT,
  /** No response format at all (servers that support neither); the schema goes in the instructions. */
  NONE;

  public static JsonMode parse(String text) {
    if (text == null || text.isBlank()) {
      return SCHEMA;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "schema", "json_schema" -> SCHEMA;
      case "object", "json_object" -> OBJECT;
      case "none", "prompt" -> NONE;
      default -> throw new IllegalArgumentException("jsonMode must be schema, object or none, not '" + text + "'");
    };
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
