package dev.vocero.api.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;

/**
 * Every string in a JSON body is refused when it holds a NUL character (PostgreSQL cannot store one): the client
 * gets 422 {@code nul_character} naming the field instead of a database error. Free JSON (a {@link JsonNode} such as
 * an extractor's schema, or a provider's payload) is refused the same way when any key or text in it holds one.
 */
public final class StrictStrings {
  private StrictStrings() {}

  public static SimpleModule module() {
    return new SimpleModule("vocero-strict-strings").addDeserializer(String.class, new NoNulDeserializer())
        .addDeserializer(JsonNode.class, new NoNulTreeDeserializer());
  }

  static final class NoNulDeserializer extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      if (value != null && value.indexOf('\u0000') >= 0) {
        return (String) ctxt.handleWeirdStringValue(String.class, value, "must not contain NUL characters");
      }
      return value;
    }
  }

  static final class NoNulTreeDeserializer extends JsonNodeDeserializer {
    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode tree = super.deserialize(p, ctxt);
      String nul = firstWithNul(tree);
      if (nul != null) {
        ctxt.handleWeirdStringValue(String.class, nul, "must not contain NUL characters");
      }
      return tree;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      return this; // the default would build a plain JsonNodeDeserializer when merging settings differ
    }

    /** The first key or text holding a NUL, or null; iterative so that a deep tree cannot overflow the stack. */
    private static String firstWithNul(JsonNode root) {
      ArrayDeque<JsonNode> pending = new ArrayDeque<>();
      pending.push(root);
      while (!pending.isEmpty()) {
        JsonNode node = pending.pop();
        if (node.isTextual() && node.asText().indexOf('\u0000') >= 0) {
          return node.asText();
        }
        if (node.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().indexOf('\u0000') >= 0) {
              return field.getKey();
            }
            pending.push(field.getValue());
          }
        } else if (node.isArray()) {
          node.forEach(pending::push);
        }
      }
      return null;
    }
  }
}
