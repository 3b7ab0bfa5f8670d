package dev.vocero.api.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * The contact-policy fields of the batch and campaign forms as the API's {@code contactPolicy} object, so the same
 * validation (stricter only, 422 {@code looser_than_policy}; an override only for admins) applies.
 */
record PolicyForm(String callsPerDay, String callsPerWeek, String messagesPerDay, String messagesPerWeek,
    String minHoursBetweenCalls, String minHoursBetweenMessages, String windows, String overrideReason) {

  /** The object, or null when every field is blank. */
  ObjectNode body(ObjectMapper json) {
    ObjectNode policy = json.createObjectNode();
    number(policy, "callsPerDay", callsPerDay);
    number(policy, "callsPerWeek", callsPerWeek);
    number(policy, "messagesPerDay", messagesPerDay);
    number(policy, "messagesPerWeek", messagesPerWeek);
    number(policy, "minHoursBetweenCalls", minHoursBetweenCalls);
    number(policy, "minHoursBetweenMessages", minHoursBetweenMessages);
    if (windows != null && !windows.isBlank()) {
      policy.set("windows", json.valueToTree(Arrays.stream(windows.split("[\\n;]")).map(String::trim)
          .filter(s -> !s.isEmpty()).toList()));
    }
    if (overrideReason != null && !overrideReason.isBlank()) {
      policy.set("override", json.createObjectNode().put("reason", overrideReason.trim()));
    }
    return policy.isEmpty() ? null : policy;
  }

  /** A whole number when it parses, else the text as typed, which the validation names as the wrong field. */
  private static void number(ObjectNode node, String field, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      node.put(field, Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      node.put(field, value.trim());
    }
  }
}
