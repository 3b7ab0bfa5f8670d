package dev.vocero.workers.calls;

import dev.vocero.activities.compliance.ContactHistoryRetention;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the contact history's retention ({@link ContactHistoryRetention}) a minute after start and then every
 * {@code compliance.retentionEveryMinutes}. A managed scheduler rather than a Temporal schedule: one idempotent delete
 * per jurisdiction has no steps to resume, and Temporal's test server (dev, tests) implements no schedules.
 */
public final class ContactHistoryPurge implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(ContactHistoryPurge.class);
  private static final Duration FIRST = Duration.ofMinutes(1);

  private final ContactHistoryRetention retention;
  private final Duration every;
  private ScheduledExecutorService executor;

  public ContactHistoryPurge(ContactHistoryRetention retention, Duration every) {
    this.retention = retention;
    this.every = every;
  }

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vocero-contact-history-purge");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::purgeQuietly, FIRST.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void purgeQuietly() {
    try {
      retention.purge().forEach((jurisdiction, purged) -> {
        if (purged > 0) {
          LOG.info("Contact history retention: forgot {} decision(s) under {}", purged, jurisdiction);
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("Contact history retention failed; will try again: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
