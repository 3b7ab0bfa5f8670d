package dev.vocero.activities.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a provider chain and everything in a request: equal digests mean identical requests. */
final class RequestDigest {

  private RequestDigest() {
  }

  static String of(String chain, LlmRequest request) {
    ObjectNode canonical = LlmJson.MAPPER.createObjectNode();
    canonical.put("chain", chain);
    canonical.put("system", request.system());
    ArrayNode messages = canonical.putArray("messages");
    request.messages().forEach(m -> messages.addObject().put("role", m.role().name()).put("content", m.content()));
    canonical.put("schemaName", request.schemaName());
    canonical.set("schema", request.jsonSchema());
    canonical.put("temperature", request.temperature());
    canonical.put("maxOutputTokens", request.maxOutputTokens());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(LlmJson.MAPPER.writeValueAsBytes(canonical)));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot digest a language-model request", e);
    }
  }
}
