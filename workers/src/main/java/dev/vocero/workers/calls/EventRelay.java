package dev.vocero.workers.calls;

import dev.vocero.api.calls.EventDelivery;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.ProviderEventDao;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.calls.ProviderEvent;
import dev.vocero.workflows.calls.RecordingEvent;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-delivers provider events whose signal failed (Temporal was down, a deploy was in progress). Events
 * are stored before they are signalled, so this is what makes "a received event is never lost" true.
 */
public class EventRelay implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);
  private static final int PAGE = 500;
  private final Jdbi jdbi;
  private final EventDelivery delivery;
  private final Duration every;
  private ScheduledExecutorService executor;

  public EventRelay(Jdbi jdbi, EventDelivery delivery, Duration every) {
    this.jdbi = jdbi;
    this.delivery = delivery;
    this.every = every;
  }

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vocero-event-relay");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::relayQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Delivers what is pending and older than one period, page after page while pages come back full and deliveries
   * succeed (a backlog drains in one pass, an outage stops it after one page); returns how many reached their workflow.
   */
  public int relay() {
    int delivered = 0;
    Instant before = Instant.now().minus(every);
    while (true) {
      List<ProviderEventDao.StoredEvent> page =
          SharedDaos.of(jdbi).with(ProviderEventDao.class, dao -> dao.listPending(before, PAGE));
      int deliveredNow = 0;
      for (ProviderEventDao.StoredEvent event : page) {
        Optional<AttemptRow> attempt = SharedDaos.of(jdbi).with(AttemptDao.class, dao -> dao.findForWebhook(event.attemptId()));
        if (attempt.isPresent() && deliver(event, attempt.get())) {
          deliveredNow++;
        }
      }
      delivered += deliveredNow;
      if (page.size() < PAGE || deliveredNow < page.size()) {
        return delivered;
      }
    }
  }

  private void relayQuietly() {
    try {
      int delivered = relay();
      if (delivered > 0) {
        LOG.info("Relayed {} pending provider event(s)", delivered);
      }
    } catch (RuntimeException e) {
      LOG.warn("Event relay pass failed: {}", e.getMessage());
    }
  }

  private boolean deliver(ProviderEventDao.StoredEvent event, AttemptRow attempt) {
    if ("recording".equals(event.kind())) {
      return delivery.deliverRecording(event.id(), attempt.batchId(), attempt.contactId(), new RecordingEvent(
          event.eventKey(), event.provider(), event.attemptId(), event.providerCallId(), event.recordingId(),
          event.recordingUrl(), event.status(), null));
    }
    return delivery.deliver(event.id(), attempt.batchId(), attempt.contactId(), toEvent(event));
  }

  private static ProviderEvent toEvent(ProviderEventDao.StoredEvent e) {
    return new ProviderEvent(e.eventKey(), e.provider(), e.attemptId(), e.providerCallId(), e.sequence(), e.status(),
        e.terminal(), disposition(e), null);
  }

  private static Disposition disposition(ProviderEventDao.StoredEvent e) {
    return e.disposition() == null ? null : Disposition.fromWire(e.disposition());
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
