package dev.vocero.workers.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation of the served OpenAPI document, reduced to what the sweep mutates: its path and query parameters and
 * the properties of its request body (by JSON type), with the ones it requires.
 */
record Operation(String method, String path, List<String> pathParams, List<String> queryParams, String mediaType,
    Map<String, Property> properties, Set<String> required) {

  /** A body property: its JSON type ({@code string}, {@code integer}, …) and whether it is a file part. */
  record Property(String type, boolean file) {}

  boolean hasBody() {
    return mediaType != null;
  }

  @Override
  public String toString() {
    return method + " " + path;
  }

  /** Every operation in the document, in document order. */
  static List<Operation> all(JsonNode document) {
    List<Operation> operations = new java.util.ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
          operations.add(of(document, op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), op.getValue()));
        }
      }
    }
    return operations;
  }

  private static Operation of(JsonNode document, String method, String path, JsonNode op) {
    List<String> pathParams = new java.util.ArrayList<>();
    List<String> queryParams = new java.util.ArrayList<>();
    for (JsonNode parameter : op.path("parameters")) {
      JsonNode p = resolve(document, parameter);
      switch (p.path("in").asText()) {
        case "path" -> pathParams.add(p.path("name").asText());
        case "query" -> queryParams.add(p.path("name").asText());
        default -> { } // headers (Idempotency-Key, signatures) are left alone
      }
    }
    JsonNode content = op.path("requestBody").path("content");
    String mediaType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
    Map<String, Property> properties = new LinkedHashMap<>();
    Set<String> required = new java.util.LinkedHashSet<>();
    if (mediaType != null) {
      JsonNode schema = resolve(document, content.path(mediaType).path("schema"));
      schema.path("required").forEach(r -> required.add(r.asText()));
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        JsonNode p = resolve(document, property.getValue());
        properties.put(property.getKey(), new Property(type(p), "binary".equals(p.path("format").asText())));
      }
    }
    return new Operation(method, path, pathParams, queryParams, mediaType, properties, required);
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) { // OpenAPI 3.1: ["string", "null"]
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          return t.asText();
        }
      }
    }
    if (type.isTextual()) {
      return type.asText();
    }
    return schema.has("properties") || schema.has("$ref") ? "object" : "string";
  }

  private static JsonNode resolve(JsonNode document, JsonNode node) {
    JsonNode current = node;
    for (int i = 0; i < 5 && current.has("$ref"); i++) {
      current = document.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }
}
