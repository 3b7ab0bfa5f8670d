package dev.vocero.workers.calls;

import dev.vocero.activities.alerts.WebhookDispatcher;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the business-event outbox every {@code every} and starts the deliveries it finds; several workers may run it. */
public final class WebhookDispatch implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatch.class);
  private static final int PAGE = 100;

  private final WebhookDispatcher dispatcher;
  private final Duration every;
  private ScheduledExecutorService executor;

  public WebhookDispatch(WebhookDispatcher dispatcher, Duration every) {
    this.dispatcher = dispatcher;
    this.every = every;
  }

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vocero-webhook-dispatch");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::dispatchQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void dispatchQuietly() {
    try {
      while (dispatcher.dispatch(PAGE) == PAGE) {
        // a backlog drains in one pass
      }
    } catch (RuntimeException e) {
      LOG.warn("Webhook dispatch failed; will try again: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
