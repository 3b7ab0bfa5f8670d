package dev.vocero.activities.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Places calls through Retell AI's HTTP API, where a Retell agent holds the conversation. Retell reports progress to
 * the agent's configured webhook (point it at our {@code /webhooks/retell}), so the request's callback URLs, ring
 * timeout and machine-detection flag are not sent; the attempt id travels in {@code metadata.attempt_id}.
 */
public class RetellTelephony implements Telephony {

  static final String ATTEMPT_KEY = "attempt_id";

  private final RetellConfig config;
  private final RetellHttp http;

  public RetellTelephony(RetellConfig config) {
    this.config = config;
    this.http = new RetellHttp(config);
  }

  @Override
  public String provider() {
    return "retell";
  }

  /** {@code POST /v2/create-phone-call}. */
  @Override
  public PlacedCallInfo place(CallRequest request) {
    ObjectNode body = RetellHttp.JSON.createObjectNode()
        .put("from_number", from(request))
        .put("to_number", request.to());
    if (config.getAgentId() != null && !config.getAgentId().isBlank()) {
      body.put("override_agent_id", config.getAgentId());
    }
    ObjectNode variables = body.putObject("retell_llm_dynamic_variables");
    request.variables().forEach((name, value) -> variables.put(name, value == null ? "" : value));
    body.putObject("metadata").put(ATTEMPT_KEY, request.attemptId().toString());
    JsonNode call = http.post("/v2/create-phone-call", body, "create phone call");
    return new PlacedCallInfo(RetellCalls.text(call, "call_id"), RetellCalls.text(call, "call_status"));
  }

  /** {@code GET /v2/get-call/{call_id}}. */
  @Override
  public Optional<CallStatusInfo> fetch(String providerCallId) {
    String path = "/v2/get-call/" + URLEncoder.encode(providerCallId, StandardCharsets.UTF_8);
    return http.get(path, "get call").map(RetellCalls::status);
  }

  /**
   * {@code POST /v3/list-calls} filtered on {@code metadata.attempt_id} (the documented list endpoint; v2's filter has
   * no metadata). The filter is re-checked here, with the destination and, once the call has started, notBefore.
   */
  @Override
  public Optional<PlacedCallInfo> findPlaced(CallRequest request, Instant notBefore) {
    String attemptId = request.attemptId().toString();
    ObjectNode body = RetellHttp.JSON.createObjectNode().put("sort_order", "descending").put("limit", 5);
    ArrayNode metadata = body.putObject("filter_criteria").putArray("metadata");
    metadata.addObject().put("type", "string").put("op", "eq").put("key", ATTEMPT_KEY).put("value", attemptId);
    JsonNode page = http.post("/v3/list-calls", body, "list calls");
    return StreamSupport.stream(page.path("items").spliterator(), false)
        .filter(call -> attemptId.equals(RetellCalls.text(call.path("metadata"), ATTEMPT_KEY)))
        .filter(call -> request.to().equals(RetellCalls.text(call, "to_number")))
        .filter(call -> !call.path("start_timestamp").isNumber()
            || call.path("start_timestamp").asLong() >= notBefore.toEpochMilli())
        .findFirst()
        .map(call -> new PlacedCallInfo(RetellCalls.text(call, "call_id"), RetellCalls.text(call, "call_status")));
  }

  private String from(CallRequest request) {
    return Objects.requireNonNull(request.from() != null ? request.from() : config.getFromNumber(),
        "no caller id: set telephony.retell.fromNumber");
  }
}
