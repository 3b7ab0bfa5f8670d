package dev.vocero.activities.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenAI-compatible {@code POST {baseUrl}/chat/completions} (OpenAI, Ollama, LM Studio, vLLM...). Structured requests
 * use {@code response_format: json_schema} (strict); when the server rejects that, the same request is sent once
 * more in {@code json_object} mode with the schema in the instructions.
 */
public final class OpenAiChatModel implements LanguageModel {

  private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatModel.class);

  private final ProviderSettings settings;
  private final LlmHttp http;
  private final URI endpoint;

  public OpenAiChatModel(ProviderSettings settings) {
    this(settings, Clock.systemUTC());
  }

  OpenAiChatModel(ProviderSettings settings, Clock clock) {
    this.settings = settings;
    this.http = new LlmHttp(settings, clock);
    this.endpoint = URI.create(settings.baseUrl() + "/chat/completions");
  }

  @Override
  public String provider() {
    return settings.name();
  }

  @Override
  public LlmAnswer complete(LlmRequest request) {
    if (request.structured() && settings.jsonMode() == JsonMode.SCHEMA) {
      try {
        return send(request, JsonMode.SCHEMA);
      } catch (LanguageModelException e) {
        if (e.kind() != LanguageModelException.Kind.INVALID_REQUEST) {
          throw e;
        }
        LOG.info("llm provider={} refused json_schema output; asking again in json_object mode "
            + "(set jsonMode: object to skip the first try)", settings.name());
        return send(request, JsonMode.OBJECT);
      }
    }
    return send(request, request.structured() ? settings.jsonMode() : JsonMode.NONE);
  }

  private LlmAnswer send(LlmRequest request, JsonMode mode) {
    ObjectNode body = LlmJson.MAPPER.createObjectNode();
    body.put("model", settings.model());
    body.set("messages", messages(request, mode == JsonMode.SCHEMA));
    body.put("temperature", request.temperature());
    body.put("max_tokens", request.maxOutputTokens());
    if (mode == JsonMode.SCHEMA) {
      ObjectNode format = body.putObject("response_format").put("type", "json_schema");
      format.putObject("json_schema").put("name", request.schemaName()).put("strict", true)
          .set("schema", request.jsonSchema());
    } else if (mode == JsonMode.OBJECT) {
      body.putObject("response_format").put("type", "json_object");
    }
    List<String> headers = new ArrayList<>();
    if (settings.hasApiKey()) {
      headers.add("Authorization");
      headers.add("Bearer " + settings.apiKey().trim());
    }
    return parse(http.post(endpoint, body, headers.toArray(String[]::new)));
  }

  private ArrayNode messages(LlmRequest request, boolean schemaSentNatively) {
    ArrayNode messages = LlmJson.MAPPER.createArrayNode();
    String system = SchemaPrompt.system(request, schemaSentNatively);
    if (!system.isEmpty()) {
      messages.addObject().put("role", "system").put("content", system);
    }
    for (LlmMessage message : request.messages()) {
      messages.addObject().put("role", message.role() == LlmMessage.Role.USER ? "user" : "assistant")
          .put("content", message.content());
    }
    return messages;
  }

  private LlmAnswer parse(JsonNode root) {
    JsonNode choice = root.path("choices").path(0);
    JsonNode message = choice.path("message");
    if (message.path("refusal").isTextual() && !message.path("refusal").asText().isBlank()) {
      throw new LanguageModelException(LanguageModelException.Kind.REFUSED,
          settings.name() + " declined to answer (message.refusal).");
    }
    if ("content_filter".equals(choice.path("finish_reason").asText())) {
      throw new LanguageModelException(LanguageModelException.Kind.REFUSED,
          settings.name() + " stopped the answer (finish_reason=content_filter).");
    }
    if (!message.path("content").isTextual()) {
      throw new LanguageModelException(LanguageModelException.Kind.TRANSIENT, settings.name()
          + " answered without choices[0].message.content; check that baseUrl " + settings.baseUrl()
          + " is a chat completions API.");
    }
    JsonNode usage = root.path("usage");
    String model = root.path("model").asText("");
    return new LlmAnswer(message.path("content").asText(), settings.name(), model.isBlank() ? settings.model() : model,
        usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0), false);
  }
}
