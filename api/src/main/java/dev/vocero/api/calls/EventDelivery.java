package dev.vocero.api.calls;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.ProviderEventDao;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.calls.ContactCallWorkflow;
import dev.vocero.workflows.calls.ProviderEvent;
import dev.vocero.workflows.calls.RecordingEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals a stored provider event to its contact's workflow and marks it delivered; failures stay pending. Webhooks
 * hand events over {@code later}, on a small bounded pool, so a callback is answered right after its insert: an event
 * the pool cannot take, or that a crash interrupts, is still pending in PostgreSQL and the relay delivers it.
 */
public class EventDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
  private final Jdbi jdbi;
  private final WorkflowClient client;
  private final ExecutorService pool;

  public EventDelivery(Jdbi jdbi, WorkflowClient client) {
    this(jdbi, client, 8, 10_000);
  }

  /** {@code threads} concurrent signals; at most {@code queued} waiting, beyond that the relay takes over. */
  public EventDelivery(Jdbi jdbi, WorkflowClient client, int threads, int queued) {
    this.jdbi = jdbi;
    this.client = client;
    AtomicInteger count = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued), r -> {
      Thread thread = new Thread(r, "vocero-event-delivery-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  /** Returns true when the workflow got the event (or no longer exists to get it). */
  public boolean deliver(long eventId, UUID batchId, long contactId, ProviderEvent event) {
    return signal(eventId, batchId, contactId, workflow -> workflow.providerEvent(event));
  }

  /** The same for a recording callback. */
  public boolean deliverRecording(long eventId, UUID batchId, long contactId, RecordingEvent event) {
    return signal(eventId, batchId, contactId, workflow -> workflow.recording(event));
  }

  /** Delivers on the pool; the caller does not wait. */
  public void deliverLater(long eventId, UUID batchId, long contactId, ProviderEvent event) {
    later(eventId, () -> deliver(eventId, batchId, contactId, event));
  }

  public void deliverRecordingLater(long eventId, UUID batchId, long contactId, RecordingEvent event) {
    later(eventId, () -> deliverRecording(eventId, batchId, contactId, event));
  }

  private void later(long eventId, Runnable delivery) {
    try {
      pool.execute(() -> {
        try {
          delivery.run();
        } catch (RuntimeException e) {
          LOG.warn("Event {} stays pending for the relay: {}", eventId, e.getClass().getSimpleName());
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("Event {} left to the relay: the delivery queue is full", eventId);
    }
  }

  private boolean signal(long eventId, UUID batchId, long contactId, Consumer<ContactCallWorkflow> signal) {
    try {
      signal.accept(client.newWorkflowStub(ContactCallWorkflow.class, CallIds.contactWorkflowId(batchId, contactId)));
      SharedDaos.of(jdbi).use(ProviderEventDao.class, dao -> dao.markDelivered(eventId));
      return true;
    } catch (WorkflowNotFoundException e) {
      SharedDaos.of(jdbi).use(ProviderEventDao.class, dao -> dao.markDelivered(eventId)); // the call workflow already ended
      return true;
    } catch (RuntimeException e) {
      SharedDaos.of(jdbi).use(ProviderEventDao.class, dao -> dao.countFailedDelivery(eventId));
      LOG.warn("Event {} stays pending for the relay: {}", eventId, e.getClass().getSimpleName());
      return false;
    }
  }

  /** Lets queued signals finish for a few seconds; what is left stays pending for the relay. */
  @Override
  public void close() throws InterruptedException {
    pool.shutdown();
    if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
  }
}
