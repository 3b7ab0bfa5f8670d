package dev.vocero.api.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The new-campaign form's fields as the API's campaign body (schedule, quotas, batches, at most one message wave), so
 * the same validation and error codes apply.
 */
record CampaignForm(String name, String startDate, String endDate, List<String> weekdays, String windowStart,
    String windowEnd, String timeZone, String dailyQuota, String smsQuota, String whatsappQuota, List<String> batchIds,
    Wave wave, PolicyForm policy) {

  /** The optional wave: left out when it has no name. */
  record Wave(String name, String channel, String batchId, String body, String disposition, String perMinute) {}

  ObjectNode body(ObjectMapper json) {
    ObjectNode body = json.createObjectNode();
    text(body, "name", name);
    text(body, "startDate", startDate);
    text(body, "endDate", endDate);
    body.set("weekdays", strings(json, weekdays));
    text(body, "windowStart", windowStart);
    text(body, "windowEnd", windowEnd);
    text(body, "timeZone", timeZone);
    number(body, "dailyQuota", dailyQuota);
    ObjectNode quotas = json.createObjectNode();
    number(quotas, "sms", smsQuota);
    number(quotas, "whatsapp", whatsappQuota);
    if (!quotas.isEmpty()) {
      body.set("messageQuotas", quotas);
    }
    body.set("batchIds", strings(json, batchIds));
    if (wave != null && blankToNull(wave.name()) != null) {
      ObjectNode w = json.createObjectNode();
      text(w, "name", wave.name());
      text(w, "channel", wave.channel());
      text(w, "batchId", wave.batchId());
      text(w, "body", wave.body());
      text(w, "disposition", wave.disposition());
      number(w, "perMinute", wave.perMinute());
      body.set("waves", json.createArrayNode().add(w));
    }
    ObjectNode contactPolicy = policy == null ? null : policy.body(json);
    if (contactPolicy != null) {
      body.set("contactPolicy", contactPolicy);
    }
    return body;
  }

  private static ArrayNode strings(ObjectMapper json, List<String> values) {
    ArrayNode array = json.createArrayNode();
    if (values != null) {
      values.stream().map(CampaignForm::blankToNull).filter(v -> v != null).forEach(array::add);
    }
    return array;
  }

  private static void text(ObjectNode node, String field, String value) {
    if (blankToNull(value) != null) {
      node.put(field, value.trim());
    }
  }

  /** A whole number when it parses, else the text as typed, which the validation names as the wrong field. */
  private static void number(ObjectNode node, String field, String value) {
    String v = blankToNull(value);
    if (v == null) {
      return;
    }
    try {
      node.put(field, Long.parseLong(v));
    } catch (NumberFormatException e) {
      node.put(field, v);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
