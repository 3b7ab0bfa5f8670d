package dev.vocero.workers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.CallFixtures;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The vocero_ gauges read real PostgreSQL rows, at most once per interval, and name no organisation. */
class OperationsGaugesTest {
  static final TestDatabase DB = TestDatabase.fresh();

  @Test
  void givenWorkInFlight_whenRead_itShouldCountItAcrossOrganisationsAndRereadOnlyAfterTheInterval() {
    Jdbi jdbi = DB.jdbi();
    UUID attempt = CallFixtures.placedAttempt(jdbi, "sandbox", "CA-gauges-1");
    UUID org = jdbi.withHandle(h -> h.createQuery("select org_id from call_attempts where id = :id").bind("id", attempt)
        .mapTo(UUID.class).one());
    message(jdbi, org, "delivered");
    message(jdbi, org, "delivered");
    message(jdbi, org, "failed");
    jdbi.useHandle(h -> {
      h.execute("insert into credit_accounts (org_id, balance, reserved) values (?, 100, 7)", org);
      h.execute("insert into provider_events (provider, event_key, payload, received_at)"
          + " values ('twilio', 'gauges-1', '{}', now() - interval '30 seconds')");
    });
    MovableClock clock = new MovableClock();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new OperationsGauges(jdbi, clock, Duration.ofSeconds(10)).bindTo(registry);

    assertEquals(1, gauge(registry, "vocero.calls.in.progress", "batch_state", "running"));
    assertEquals(0, gauge(registry, "vocero.calls.in.progress", "batch_state", "paused"));
    assertEquals(2, gauge(registry, "vocero.messages", "state", "delivered"));
    assertEquals(1, gauge(registry, "vocero.messages", "state", "failed"));
    assertEquals(0, gauge(registry, "vocero.messages", "state", "sent"));
    assertEquals(7, registry.get("vocero.credits.held").gauge().value());
    assertEquals(1, registry.get("vocero.webhook.relay.backlog").gauge().value());
    assertTrue(registry.get("vocero.webhook.relay.oldest").gauge().value() >= 30);

    message(jdbi, org, "delivered");
    assertEquals(2, gauge(registry, "vocero.messages", "state", "delivered"), "read at most once per 10 s");
    clock.advance(Duration.ofSeconds(10));
    assertEquals(3, gauge(registry, "vocero.messages", "state", "delivered"));

    Set<String> labelValues = registry.getMeters().stream().map(Meter::getId).flatMap(id -> id.getTags().stream())
        .map(Tag::getValue).collect(Collectors.toSet());
    assertTrue(labelValues.stream().allMatch(value -> OperationsGauges.BATCH_STATES.contains(value)
        || OperationsGauges.MESSAGE_STATES.contains(value)), "only fixed label values: " + labelValues);
    assertEquals(List.of(), registry.getMeters().stream().filter(m -> m.getId().toString().contains(org.toString()))
        .toList());
  }

  private static double gauge(SimpleMeterRegistry registry, String name, String tag, String value) {
    return registry.get(name).tag(tag, value).gauge().value();
  }

  private static void message(Jdbi jdbi, UUID org, String state) {
    jdbi.useHandle(h -> h.execute("insert into messages (id, org_id, phone_e164, channel, direction, state)"
        + " values (?, ?, '+573001234560', 'sms', 'outbound', ?)", UUID.randomUUID(), org, state));
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-07T12:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
