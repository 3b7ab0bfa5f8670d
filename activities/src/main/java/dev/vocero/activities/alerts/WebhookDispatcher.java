package dev.vocero.activities.alerts;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.events.WebhookEventDao;
import dev.vocero.store.events.WebhookEventDao.PendingDispatch;
import dev.vocero.workflows.alerts.AlertActivityOptions;
import dev.vocero.workflows.alerts.DeliveryRequest;
import dev.vocero.workflows.alerts.WebhookDeliveryWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the outbox's pending deliveries (business events, replays) to the durable WebhookDelivery workflow. The
 * delivery id is the workflow ID, so a delivery started twice (two workers, a crash before the mark) runs once.
 */
public final class WebhookDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final Jdbi jdbi;
  private final WorkflowClient temporal;

  public WebhookDispatcher(Jdbi jdbi, WorkflowClient temporal) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.temporal = Objects.requireNonNull(temporal, "temporal");
  }

  /** Starts up to {@code limit} pending deliveries; returns how many were handed over. Throws when Temporal fails. */
  public int dispatch(int limit) {
    return jdbi.inTransaction(handle -> {
      WebhookEventDao outbox = SharedDaos.attach(handle, WebhookEventDao.class);
      List<PendingDispatch> pending = outbox.lockPendingDispatch(limit);
      for (PendingDispatch delivery : pending) {
        start(delivery);
        outbox.markDispatched(delivery.id());
      }
      if (!pending.isEmpty()) {
        LOG.info("Started {} webhook deliveries", pending.size());
      }
      return pending.size();
    });
  }

  private void start(PendingDispatch delivery) {
    WebhookDeliveryWorkflow workflow = temporal.newWorkflowStub(WebhookDeliveryWorkflow.class,
        AlertActivityOptions.deliveryStart(delivery.orgId(), delivery.id()));
    try {
      WorkflowClient.start(workflow::deliver, new DeliveryRequest(delivery.orgId(), delivery.id()));
    } catch (WorkflowExecutionAlreadyStarted e) {
      LOG.debug("delivery {} was already started", delivery.id());
    }
  }
}
