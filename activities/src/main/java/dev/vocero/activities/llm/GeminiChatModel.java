package dev.vocero.activities.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.Set;

/**
 * Gemini {@code POST {baseUrl}/v1beta/models/{model}:generateContent} with the key in {@code x-goog-api-key}, the
 * instructions in {@code systemInstruction}, and for structured requests {@code responseMimeType: application/json}
 * plus a {@code responseSchema} converted by {@link GeminiSchemas}.
 */
public final class GeminiChatModel implements LanguageModel {

  private static final Set<String> BLOCKED_FINISH =
      Set.of("SAFETY", "RECITATION", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "LANGUAGE");

  private final ProviderSettings settings;
  private final LlmHttp http;
  private final URI endpoint;

  public GeminiChatModel(ProviderSettings settings) {
    this(settings, Clock.systemUTC());
  }

  GeminiChatModel(ProviderSettings settings, Clock clock) {
    this.settings = settings;
    this.http = new LlmHttp(settings, clock);
    String model = settings.model().startsWith("models/") ? settings.model().substring(7) : settings.model();
    this.endpoint = URI.create(settings.baseUrl() + "/v1beta/models/" + model + ":generateContent");
  }

  @Override
  public String provider() {
    return settings.name();
  }

  @Override
  public LlmAnswer complete(LlmRequest request) {
    if (!settings.hasApiKey()) {
      throw new LanguageModelException(LanguageModelException.Kind.UNAUTHORIZED, settings.name()
          + " is a gemini provider without an apiKey. Create one at https://aistudio.google.com/apikey and set it "
          + "in llm.providers (for example apiKey: ${GEMINI_API_KEY}).");
    }
    boolean nativeSchema = request.structured() && settings.jsonMode() == JsonMode.SCHEMA;
    ObjectNode body = LlmJson.MAPPER.createObjectNode();
    String system = SchemaPrompt.system(request, nativeSchema);
    if (!system.isEmpty()) {
      body.putObject("systemInstruction").putArray("parts").addObject().put("text", system);
    }
    ArrayNode contents = body.putArray("contents");
    for (LlmMessage message : request.messages()) {
      ObjectNode content = contents.addObject().put("role", message.role() == LlmMessage.Role.USER ? "user" : "model");
      content.putArray("parts").addObject().put("text", message.content());
    }
    ObjectNode generation = body.putObject("generationConfig")
        .put("temperature", request.temperature())
        .put("maxOutputTokens", request.maxOutputTokens());
    if (request.structured() && settings.jsonMode() != JsonMode.NONE) {
      generation.put("responseMimeType", "application/json");
      if (nativeSchema) {
        generation.set("responseSchema", GeminiSchemas.convert(request.jsonSchema()));
      }
    }
    return parse(http.post(endpoint, body, "x-goog-api-key", settings.apiKey().trim()));
  }

  private LlmAnswer parse(JsonNode root) {
    String blockReason = root.path("promptFeedback").path("blockReason").asText(null);
    if (blockReason != null) {
      throw new LanguageModelException(LanguageModelException.Kind.REFUSED,
          settings.name() + " blocked the request (promptFeedback.blockReason=" + blockReason + ").");
    }
    JsonNode candidate = root.path("candidates").path(0);
    String finishReason = candidate.path("finishReason").asText("");
    if (BLOCKED_FINISH.contains(finishReason)) {
      throw new LanguageModelException(LanguageModelException.Kind.REFUSED,
          settings.name() + " stopped the answer (finishReason=" + finishReason + ").");
    }
    StringBuilder text = new StringBuilder();
    candidate.path("content").path("parts").forEach(part -> {
      if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
        text.append(part.path("text").asText());
      }
    });
    if (candidate.isMissingNode() || text.isEmpty() && !"MAX_TOKENS".equals(finishReason)) {
      throw new LanguageModelException(LanguageModelException.Kind.TRANSIENT, settings.name()
          + " answered without candidates[0].content.parts text; check baseUrl " + settings.baseUrl() + " and model.");
    }
    JsonNode usage = root.path("usageMetadata");
    String model = root.path("modelVersion").asText("");
    return new LlmAnswer(text.toString(), settings.name(), model.isBlank() ? settings.model() : model,
        usage.path("promptTokenCount").asInt(0), usage.path("candidatesTokenCount").asInt(0), false);
  }
}
