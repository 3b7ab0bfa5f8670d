package dev.vocero.workers.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * One generated set of bad values, applied to every operation: a malformed id for path parameters, a bad query value,
 * and the ingredients of an invalid body. {@link #kind(int)} picks, per operation, which way its body is broken, so one
 * try covers every kind across the operations and the tries rotate them per operation.
 */
record Mutation(String badId, String badQuery, String text, int hugeLength, JsonNode rootNotObject, String notJson,
    int salt) {

  enum Kind { NUL, WRONG_TYPE, HUGE, MISSING, NULLS, ROOT_NOT_OBJECT, NOT_JSON }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  Kind kind(int operationIndex) {
    return Kind.values()[Math.floorMod(operationIndex + salt, Kind.values().length)];
  }

  /** A JSON body broken the {@code kind} way; MISSING and NULLS fall back to NUL when nothing is required. */
  String jsonBody(Operation op, Kind kind) {
    return switch (kind) {
      case ROOT_NOT_OBJECT -> rootNotObject.toString();
      case NOT_JSON -> notJson;
      case MISSING -> op.required().isEmpty() ? object(op, Kind.NUL).toString() : "{}";
      case NULLS -> op.required().isEmpty() ? object(op, Kind.NUL).toString() : nulls(op).toString();
      default -> object(op, kind).toString();
    };
  }

  /** The value a text field (form or multipart) gets. */
  String fieldValue(Kind kind) {
    return switch (kind) {
      case HUGE -> "x".repeat(hugeLength);
      case WRONG_TYPE, ROOT_NOT_OBJECT -> rootNotObject.toString();
      case NOT_JSON -> notJson;
      default -> text + "\u0000";
    };
  }

  private ObjectNode object(Operation op, Kind kind) {
    ObjectNode body = NODES.objectNode();
    if (op.properties().isEmpty()) {
      body.put("unexpected" + "\u0000", text + "\u0000");
    }
    op.properties().forEach((name, property) -> body.set(name, value(property.type(), kind)));
    return body;
  }

  private ObjectNode nulls(Operation op) {
    ObjectNode body = NODES.objectNode();
    op.properties().keySet().forEach(body::putNull);
    return body;
  }

  private JsonNode value(String type, Kind kind) {
    return switch (kind) {
      case WRONG_TYPE -> switch (type) {
        case "string" -> NODES.objectNode().set("not", NODES.arrayNode().add(1));
        case "array" -> NODES.objectNode().put("not", "a list");
        case "object" -> NODES.arrayNode().add(text);
        default -> NODES.objectNode().put("not", type);
      };
      case HUGE -> switch (type) {
        case "integer", "number" -> NODES.numberNode(new BigDecimal("-1e400"));
        case "array" -> hugeArray();
        case "object" -> deep(2_000);
        default -> NODES.textNode("x".repeat(hugeLength));
      };
      default -> switch (type) { // NUL in every text, key and element
        case "array" -> NODES.arrayNode().add(text + "\u0000");
        case "object" -> NODES.objectNode().put("k\u0000", text + "\u0000");
        default -> NODES.textNode(text + "\u0000");
      };
    };
  }

  private ArrayNode hugeArray() {
    ArrayNode array = NODES.arrayNode();
    for (int i = 0; i < 20_000; i++) {
      array.add(i);
    }
    return array;
  }

  /** Written as raw text: Jackson will not even write a tree deeper than 1,000 levels. */
  private static JsonNode deep(int depth) {
    return NODES.rawValueNode(new RawValue("[".repeat(depth) + "]".repeat(depth)));
  }

  static List<String> fixedBadIds() {
    return List.of("not-a-uuid", "0", "-1", "99999999999999999999", "null", "undefined", "x'or'1'='1",
        "00000000-0000-0000-0000-00000000000g", "ñandú", "x".repeat(300));
  }
}
