package dev.vocero.workflows.alerts;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Delivers one event to one webhook, retrying durably; ID {@code webhook-delivery:{deliveryId}}. */
@WorkflowInterface
public interface WebhookDeliveryWorkflow {

  @WorkflowMethod(name = "WebhookDelivery")
  DeliveryResult deliver(DeliveryRequest request);
}
