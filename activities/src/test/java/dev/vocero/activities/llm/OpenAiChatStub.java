package dev.vocero.activities.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake OpenAI-compatible chat server on a WireMock instance, answering {@code POST /v1/chat/completions} in the
 * documented wire format ({@code choices[0].message.content}, {@code usage}, {@code model}). Use {@link #baseUrl()}
 * as the provider's baseUrl. Reusable from other modules through the activities test-jar.
 *
 * <pre>
 * OpenAiChatStub chat = new OpenAiChatStub(wm.getRuntimeInfo().getWireMock(), wm.baseUrl());
 * chat.answers("{\"label\":\"positive\",\"score\":0.8}");            // every request
 * chat.answersWhenPromptContains("sentiment", "{...}");             // requests whose body contains a text
 * chat.respondsInSequence(OpenAiChatStub.error(429, "2"), OpenAiChatStub.completion("{...}", "gpt-4o-mini"));
 * List&lt;JsonNode&gt; sent = chat.requests();
 * </pre>
 */
public final class OpenAiChatStub {

  public static final String PATH = "/v1/chat/completions";
  public static final String MODEL = "gpt-4o-mini-2024-07-18";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SCENARIOS = new AtomicInteger();

  private final WireMock wireMock;
  private final String serverUrl;

  public OpenAiChatStub(WireMock wireMock, String serverUrl) {
    this.wireMock = wireMock;
    this.serverUrl = serverUrl;
  }

  /** What to configure as the provider's {@code baseUrl} (it ends in {@code /v1}). */
  public String baseUrl() {
    return serverUrl + "/v1";
  }

  /** Every chat request gets this assistant content. */
  public OpenAiChatStub answers(String content) {
    wireMock.register(post(urlEqualTo(PATH)).atPriority(10).willReturn(completion(content, MODEL)));
    return this;
  }

  /** Requests whose JSON body contains {@code text} (in the prompt or the schema) get this content. */
  public OpenAiChatStub answersWhenPromptContains(String text, String content) {
    wireMock.register(post(urlEqualTo(PATH)).atPriority(5).withRequestBody(containing(text))
        .willReturn(completion(content, MODEL)));
    return this;
  }

  /** Successive requests get these responses in order; the last one repeats. */
  public OpenAiChatStub respondsInSequence(ResponseDefinitionBuilder... responses) {
    String scenario = "chat-" + SCENARIOS.incrementAndGet();
    for (int i = 0; i < responses.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "step-" + i;
      var mapping = post(urlEqualTo(PATH)).atPriority(1).inScenario(scenario).whenScenarioStateIs(state)
          .willReturn(responses[i]);
      wireMock.register(i < responses.length - 1 ? mapping.willSetStateTo("step-" + (i + 1)) : mapping);
    }
    return this;
  }

  /** The JSON bodies received so far, oldest first. */
  public List<JsonNode> requests() {
    return wireMock.find(postRequestedFor(urlEqualTo(PATH))).stream().map(r -> {
      try {
        return JSON.readTree(r.getBodyAsString());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a chat request body was not JSON", e);
      }
    }).toList();
  }

  /** A 200 chat completion with this assistant content, as OpenAI documents it. */
  public static ResponseDefinitionBuilder completion(String content, String model) {
    ObjectNode body = JSON.createObjectNode()
        .put("id", "chatcmpl-stub")
        .put("object", "chat.completion")
        .put("created", 1_735_689_600L)
        .put("model", model);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
    body.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30).put("total_tokens", 150);
    return json(200, body.toString());
  }

  /** A 200 whose message is a refusal (structured outputs' documented shape). */
  public static ResponseDefinitionBuilder refusal(String why) {
    ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-stub").put("object", "chat.completion")
        .put("model", MODEL);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").putNull("content").put("refusal", why);
    return json(200, body.toString());
  }

  /** An OpenAI error body with this status and, when not null, a {@code Retry-After} header. */
  public static ResponseDefinitionBuilder error(int status, String retryAfter) {
    ResponseDefinitionBuilder response = json(status, "{\"error\":{\"message\":\"stub error " + status
        + "\",\"type\":\"server_error\",\"code\":null}}");
    return retryAfter == null ? response : response.withHeader("Retry-After", retryAfter);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }
}
