package dev.vocero.api.calls;

import dev.vocero.store.calls.ProviderEventDao;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.calls.ContactCallWorkflow;
import dev.vocero.workflows.calls.ProviderEvent;
import dev.vocero.workflows.calls.RecordingEvent;
import java.util.function.Consumer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signals a stored provider event to its contact's workflow and marks it delivered; failures stay pending. */
public class EventDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
  private final Jdbi jdbi;
  private final WorkflowClient client;

  public EventDelivery(Jdbi jdbi, WorkflowClient client) {
    this.jdbi = jdbi;
    this.client = client;
  }

  /** Returns true when the workflow got the event (or no longer exists to get it). */
  public boolean deliver(long eventId, UUID batchId, long contactId, ProviderEvent event) {
    return signal(eventId, batchId, contactId, workflow -> workflow.providerEvent(event));
  }

  /** The same for a recording callback. */
  public boolean deliverRecording(long eventId, UUID batchId, long contactId, RecordingEvent event) {
    return signal(eventId, batchId, contactId, workflow -> workflow.recording(event));
  }

  private boolean signal(long eventId, UUID batchId, long contactId, Consumer<ContactCallWorkflow> signal) {
    try {
      signal.accept(client.newWorkflowStub(ContactCallWorkflow.class, CallIds.contactWorkflowId(batchId, contactId)));
      jdbi.useExtension(ProviderEventDao.class, dao -> dao.markDelivered(eventId));
      return true;
    } catch (WorkflowNotFoundException e) {
      jdbi.useExtension(ProviderEventDao.class, dao -> dao.markDelivered(eventId)); // the call workflow already ended
      return true;
    } catch (RuntimeException e) {
      jdbi.useExtension(ProviderEventDao.class, dao -> dao.countFailedDelivery(eventId));
      LOG.warn("Event {} stays pending for the relay: {}", eventId, e.getClass().getSimpleName());
      return false;
    }
  }
}
