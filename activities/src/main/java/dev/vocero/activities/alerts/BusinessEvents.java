package dev.vocero.activities.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocero.store.events.WebhookEventRow;

/** The JSON of an outbox event: the envelope every event type shares around its stored {@code data}. */
final class BusinessEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BusinessEvents() {}

  static String envelope(WebhookEventRow event) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", event.id().toString());
    body.put("type", event.type());
    body.put("created", event.createdAt().getEpochSecond());
    body.put("occurredAt", event.occurredAt().toString());
    body.put("organizationId", event.orgId().toString());
    try {
      body.set("data", JSON.readTree(event.data()));
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write event " + event.id(), e);
    }
  }
}
