package dev.vocero.workflows.alerts;

import io.temporal.activity.ActivityInterface;

/** Signed outbound webhook deliveries. Every attempt is recorded in webhook_deliveries. */
@ActivityInterface(namePrefix = "Webhooks")
public interface WebhookActivities {

  /**
   * One attempt: POSTs the signed event. Throws a retryable failure on 408, 429, 5xx and network errors, a
   * non-retryable {@link AlertFailure#WEBHOOK_REJECTED} on any other 4xx.
   */
  DeliveryResult deliver(DeliveryRequest request);

  /** Marks a still-pending delivery failed after its retries ran out. */
  void giveUp(DeliveryGiveUp giveUp);
}
