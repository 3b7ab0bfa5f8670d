package dev.vocero.activities.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One completion request.
 *
 * @param system     instructions; never contains customer data (transcripts go in user messages, quoted)
 * @param messages   the conversation, oldest first
 * @param schemaName a short identifier for the structured output, required when {@code jsonSchema} is set
 * @param jsonSchema JSON Schema (draft 2020-12 subset accepted by the providers) or null for free text
 * @param temperature 0..2
 * @param maxOutputTokens upper bound on the answer length
 */
public record LlmRequest(String system, List<LlmMessage> messages, String schemaName, JsonNode jsonSchema,
    double temperature, int maxOutputTokens) {

  public LlmRequest {
    Objects.requireNonNull(messages, "messages");
    messages = List.copyOf(messages);
    if (jsonSchema != null && (schemaName == null || schemaName.isBlank())) {
      throw new IllegalArgumentException("a schema name is required with a JSON schema");
    }
  }

  public static LlmRequest text(String system, String user) {
    return new LlmRequest(system, List.of(LlmMessage.user(user)), null, null, 0.2, 1024);
  }

  public boolean structured() {
    return jsonSchema != null;
  }
}
