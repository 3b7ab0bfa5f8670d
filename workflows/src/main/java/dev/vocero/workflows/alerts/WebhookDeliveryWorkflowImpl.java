package dev.vocero.workflows.alerts;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;

/**
 * One delivery as its own workflow, started by the audio workflow as an abandoned child: a receiver that is
 * down for hours keeps retrying here (durably, with backoff) without holding the audio open or blocking a
 * reprocess, and the delivery id as workflow ID makes a second start of the same delivery a no-op.
 */
public final class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {
  private final WebhookActivities webhooks =
      Workflow.newActivityStub(WebhookActivities.class, AlertActivityOptions.deliver());
  private final WebhookActivities bookkeeping =
      Workflow.newActivityStub(WebhookActivities.class, AlertActivityOptions.giveUp());

  @Override
  public DeliveryResult deliver(DeliveryRequest request) {
    try {
      return webhooks.deliver(request);
    } catch (ActivityFailure e) {
      String reason = reason(e);
      bookkeeping.giveUp(new DeliveryGiveUp(request.orgId(), request.deliveryId(), reason));
      return new DeliveryResult("failed");
    }
  }

  private static String reason(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app && AlertFailure.WEBHOOK_REJECTED.type().equals(app.getType())) {
      return null; // the activity already recorded the receiver's answer
    }
    String detail = cause instanceof TemporalFailure temporal ? temporal.getOriginalMessage() : failure.getOriginalMessage();
    return "gave up after the last retry: " + detail;
  }
}
