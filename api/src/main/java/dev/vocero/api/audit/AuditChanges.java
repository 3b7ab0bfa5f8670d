package dev.vocero.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vocero.domain.phones.MaskedPhone;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The before/after of a change, holding only the fields that changed. Secrets never enter the trail (fields named
 * like a secret, password, token or hash are left out) and phone numbers are masked wherever they appear in text.
 */
final class AuditChanges {
  private static final Pattern SECRET_FIELD = Pattern.compile("(?i).*(secret|password|token|hash|api_key|auth).*");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AuditChanges() {}

  /** {@code {"before": {...}, "after": {...}}}, or null when the two rows do not differ. */
  static ObjectNode between(JsonNode before, JsonNode after) {
    ObjectNode was = clean(before);
    ObjectNode now = clean(after);
    if (was != null && now != null) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = was.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().equals(now.get(field.getKey()))) {
          fields.remove();
          now.remove(field.getKey());
        }
      }
      if (was.isEmpty() && now.isEmpty()) {
        return null;
      }
    } else if (was == null && now == null) {
      return null;
    }
    ObjectNode changes = NODES.objectNode();
    changes.set("before", was == null ? NODES.nullNode() : was);
    changes.set("after", now == null ? NODES.nullNode() : now);
    return changes;
  }

  /** Text with any phone number in it masked ("+57300•••4567"). */
  static String maskPhones(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = PHONE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(MaskedPhone.of(m.group())));
    }
    return m.appendTail(out).toString();
  }

  private static ObjectNode clean(JsonNode row) {
    return row == null || !row.isObject() ? null : (ObjectNode) scrub(row.deepCopy());
  }

  private static JsonNode scrub(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      object.properties().removeIf(field -> SECRET_FIELD.matcher(field.getKey()).matches());
      object.properties().forEach(field -> field.setValue(scrub(field.getValue())));
      return object;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, scrub(node.get(i)));
      }
      return node;
    }
    return node.isTextual() ? TextNode.valueOf(maskPhones(node.asText())) : node;
  }
}
