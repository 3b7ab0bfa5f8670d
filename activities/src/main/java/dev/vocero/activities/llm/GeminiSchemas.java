package dev.vocero.activities.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schema to Gemini's {@code responseSchema} (an OpenAPI 3.0 subset): local {@code $ref}s are inlined, type
 * unions with {@code null} become {@code nullable}, {@code const} becomes a one-value enum, {@code oneOf} becomes
 * {@code anyOf}, and keywords Gemini does not know are dropped. Our own validation still applies the full schema.
 */
final class GeminiSchemas {

  private static final int MAX_REF_DEPTH = 8;
  private static final Set<String> KEPT = Set.of("description", "title", "minItems", "maxItems", "minimum", "maximum",
      "minLength", "maxLength", "pattern", "minProperties", "maxProperties");
  private static final Set<String> STRING_FORMATS = Set.of("enum", "date-time");
  private static final Set<String> NUMBER_FORMATS = Set.of("float", "double", "int32", "int64");

  private GeminiSchemas() {
  }

  static ObjectNode convert(JsonNode schema) {
    return convert(schema, schema, 0);
  }

  private static ObjectNode convert(JsonNode node, JsonNode root, int depth) {
    ObjectNode out = LlmJson.MAPPER.createObjectNode();
    if (!node.isObject()) {
      return out;
    }
    if (node.has("$ref")) {
      JsonNode target = resolve(node.path("$ref").asText(), root);
      if (target == null || depth >= MAX_REF_DEPTH) {
        return out.put("type", "OBJECT");
      }
      return convert(target, root, depth + 1);
    }
    String type = type(node, out);
    for (String key : KEPT) {
      if (node.has(key)) {
        out.set(key, node.get(key));
      }
    }
    String format = node.path("format").asText(null);
    if (format != null && ("STRING".equals(type) ? STRING_FORMATS : NUMBER_FORMATS).contains(format)) {
      out.put("format", format);
    }
    enumValues(node, type, out);
    if (node.path("properties").isObject()) {
      ObjectNode properties = out.putObject("properties");
      ArrayNode ordering = LlmJson.MAPPER.createArrayNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        properties.set(property.getKey(), convert(property.getValue(), root, depth));
        ordering.add(property.getKey());
      }
      out.set("propertyOrdering", ordering);
      if (node.path("required").isArray()) {
        out.set("required", node.get("required"));
      }
    }
    if (node.path("items").isObject()) {
      out.set("items", convert(node.get("items"), root, depth));
    }
    JsonNode alternatives = node.path("anyOf").isArray() ? node.get("anyOf") : node.path("oneOf");
    if (alternatives.isArray()) {
      ArrayNode anyOf = out.putArray("anyOf");
      alternatives.forEach(alternative -> anyOf.add(convert(alternative, root, depth)));
    }
    return out;
  }

  /** Writes {@code type} (and {@code nullable}) and returns the single upper-case type, or null. */
  private static String type(JsonNode node, ObjectNode out) {
    List<String> types = new ArrayList<>();
    JsonNode type = node.path("type");
    if (type.isTextual()) {
      types.add(type.asText());
    } else if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    }
    if (types.remove("null")) {
      out.put("nullable", true);
    }
    if (types.size() == 1) {
      String single = types.get(0).toUpperCase(Locale.ROOT);
      out.put("type", single);
      return single;
    }
    if (types.size() > 1) {
      ArrayNode anyOf = out.putArray("anyOf");
      types.forEach(t -> anyOf.addObject().put("type", t.toUpperCase(Locale.ROOT)));
    } else if (node.has("const") || node.has("enum")) {
      out.put("type", "STRING");
      return "STRING";
    }
    return null;
  }

  private static void enumValues(JsonNode node, String type, ObjectNode out) {
    if (!"STRING".equals(type)) {
      return;
    }
    ArrayNode values = LlmJson.MAPPER.createArrayNode();
    if (node.has("const") && node.get("const").isTextual()) {
      values.add(node.get("const"));
    } else if (node.path("enum").isArray()) {
      node.get("enum").forEach(v -> {
        if (v.isTextual()) {
          values.add(v);
        }
      });
    }
    if (!values.isEmpty()) {
      out.set("enum", values);
    }
  }

  private static JsonNode resolve(String ref, JsonNode root) {
    if (!ref.startsWith("#")) {
      return null;
    }
    JsonNode target = root.at(ref.substring(1));
    return target.isMissingNode() ? null : target;
  }
}
