package dev.vocero.workers.metrics;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.metrics.OperationsStatsDao;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vocero's own gauges, read from PostgreSQL across every organisation (no organisation, name or phone as a label) at
 * most once per {@code maxAge}: a scrape every few seconds costs five small queries every {@code maxAge}. When
 * PostgreSQL does not answer, the last values stay and the next scrape tries again.
 */
public final class OperationsGauges {
  /** Every state a batch can be in (call_batches.status) and every state of a message (messages.state). */
  static final List<String> BATCH_STATES = List.of("running", "paused", "completed", "cancelled", "failed");
  static final List<String> MESSAGE_STATES =
      List.of("pending", "processing", "sent", "delivered", "read", "failed", "cancelled", "received");
  private static final Logger LOG = LoggerFactory.getLogger(OperationsGauges.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration maxAge;
  private Stats stats = new Stats(Map.of(), Map.of(), 0, 0, 0);
  private Instant readAt = Instant.MIN;

  record Stats(Map<String, Long> callsByBatchState, Map<String, Long> messagesByState, long relayBacklog,
      double relayOldestSeconds, long creditsHeld) {}

  OperationsGauges(Jdbi jdbi, Clock clock, Duration maxAge) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  public static void register(MeterRegistry registry, Jdbi jdbi) {
    new OperationsGauges(jdbi, Clock.systemUTC(), Duration.ofSeconds(10)).bindTo(registry);
  }

  void bindTo(MeterRegistry registry) {
    for (String state : BATCH_STATES) {
      gauge(registry, "vocero.calls.in.progress", "Calls placed and not ended, by the state of their batch",
          s -> s.callsByBatchState().getOrDefault(state, 0L)).tag("batch_state", state).register(registry);
    }
    for (String state : MESSAGE_STATES) {
      gauge(registry, "vocero.messages", "SMS and WhatsApp messages stored, by state",
          s -> s.messagesByState().getOrDefault(state, 0L)).tag("state", state).register(registry);
    }
    gauge(registry, "vocero.webhook.relay.backlog", "Provider callbacks stored and not yet delivered to their workflow",
        Stats::relayBacklog).register(registry);
    gauge(registry, "vocero.webhook.relay.oldest", "Age of the oldest undelivered provider callback",
        Stats::relayOldestSeconds).baseUnit("seconds").register(registry);
    gauge(registry, "vocero.credits.held", "Credits reserved for calls in flight, over every account",
        Stats::creditsHeld).register(registry);
  }

  private Gauge.Builder<OperationsGauges> gauge(MeterRegistry registry, String name, String help,
      ToDoubleFunction<Stats> value) {
    // strong: nothing else holds this object, and a weakly held gauge reads NaN once it is collected
    return Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.current())).description(help)
        .strongReference(true);
  }

  synchronized Stats current() {
    Instant now = clock.instant();
    if (Duration.between(readAt, now).compareTo(maxAge) >= 0) {
      try {
        stats = SharedDaos.of(jdbi).with(OperationsStatsDao.class, dao -> new Stats(dao.callsInProgressByBatchState(),
            dao.messagesByState(), dao.relayBacklog(), dao.relayOldestSeconds(), dao.creditsHeld()));
      } catch (RuntimeException e) {
        LOG.warn("Metrics: PostgreSQL did not answer ({}); the vocero_ gauges keep their last values",
            e.getClass().getSimpleName());
      }
      readAt = now;
    }
    return stats;
  }
}
