package dev.vocero.activities.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocero.store.alerts.AlertRow;
import java.util.UUID;

/** The JSON of an {@code alert.raised} event; built from stored rows only, so every retry sends the same body. */
final class AlertEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertEvents() {}

  static String alertRaised(UUID eventId, AlertRow alert) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", eventId.toString());
    event.put("type", "alert.raised");
    event.put("created", alert.createdAt().getEpochSecond());
    ObjectNode data = event.putObject("data");
    data.put("id", alert.id().toString());
    data.put("audioId", alert.audioId().toString());
    data.put("ruleId", alert.ruleId().toString());
    data.put("ruleName", alert.ruleName());
    data.put("ruleKind", alert.ruleKind());
    data.put("severity", alert.severity());
    if (alert.segmentIdx() == null) {
      data.putNull("segmentIndex");
    } else {
      data.put("segmentIndex", alert.segmentIdx());
    }
    data.put("startMs", alert.startMs());
    data.put("evidence", alert.evidence());
    data.put("createdAt", alert.createdAt().toString());
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write an alert event", e);
    }
  }
}
