package dev.vocero.workflows.alerts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Workflow IDs and deterministic ids of the alerts feature. */
public final class AlertIds {
  public static final String DELIVERY_KIND = "webhook-delivery";

  private AlertIds() {}

  public static String deliveryWorkflowId(UUID deliveryId) {
    return "webhook-delivery:" + deliveryId;
  }

  /** The event announcing an alert: the same for every webhook that receives it. */
  public static UUID alertRaisedEventId(UUID alertId) {
    return UUID.nameUUIDFromBytes(("alert.raised:" + alertId).getBytes(StandardCharsets.UTF_8));
  }

  /** One event for one webhook: the {@code Vocero-Delivery} header, the same on every retry. */
  public static UUID deliveryId(UUID eventId, UUID webhookId) {
    return UUID.nameUUIDFromBytes(("delivery:" + eventId + ":" + webhookId).getBytes(StandardCharsets.UTF_8));
  }
}
