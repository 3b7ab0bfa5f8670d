package dev.vocero.api.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/** The new-batch form's fields as the API's {@code settings} JSON, so the same validation and codes apply. */
record BatchForm(String name, String jurisdiction, String customWindows, String defaultRegion, String callsPerSecond,
    String maxConcurrentCalls, String maxAttempts, PolicyForm policy) {

  String settingsJson(ObjectMapper json) {
    ObjectNode settings = json.createObjectNode();
    text(settings, "name", name);
    text(settings, "jurisdiction", jurisdiction);
    text(settings, "defaultRegion", defaultRegion);
    number(settings, "callsPerSecond", callsPerSecond);
    number(settings, "maxConcurrentCalls", maxConcurrentCalls);
    number(settings, "maxAttempts", maxAttempts);
    if ("CUSTOM".equalsIgnoreCase(blankToNull(jurisdiction))) {
      List<String> rules = customWindows == null ? List.of()
          : Arrays.stream(customWindows.split("[\\n;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      settings.set("customWindows", json.valueToTree(rules));
    }
    ObjectNode contactPolicy = policy == null ? null : policy.body(json);
    if (contactPolicy != null) {
      settings.set("contactPolicy", contactPolicy);
    }
    return settings.toString();
  }

  private static void text(ObjectNode node, String field, String value) {
    if (blankToNull(value) != null) {
      node.put(field, value.trim());
    }
  }

  /** A number when it parses, else the text as typed, which the settings' validation names as the wrong field. */
  private static void number(ObjectNode node, String field, String value) {
    String v = blankToNull(value);
    if (v == null) {
      return;
    }
    try {
      node.put(field, new java.math.BigDecimal(v.replace(',', '.')));
    } catch (NumberFormatException e) {
      node.put(field, v);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
