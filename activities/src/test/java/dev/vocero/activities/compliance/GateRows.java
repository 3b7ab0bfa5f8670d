package dev.vocero.activities.compliance;

import dev.vocero.activities.calls.CallbackUrls;
import dev.vocero.activities.calls.ContactCallActivitiesImpl;
import dev.vocero.activities.calls.UnusedTelephony;
import dev.vocero.domain.persons.PersonKey;
import dev.vocero.store.OrgRows;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.ContactCallActivities.PlanRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * What the contact gate's tests on real PostgreSQL plan with: a new organisation, batches of one jurisdiction, contacts
 * that are persons by their document, and the call planner on a given clock.
 */
final class GateRows {
  private final Jdbi jdbi;
  private final OrgRows rows;

  GateRows(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.rows = new OrgRows(jdbi);
  }

  UUID org() {
    return rows.org();
  }

  UUID batch(String jurisdiction) {
    return rows.batch("{\"jurisdiction\":\"" + jurisdiction + "\"}");
  }

  /** A contact named by its document (null: by its row), joined to its person; returns its id. */
  long contact(UUID batch, int row, String document, String zone, String... phones) {
    Optional<PersonKey> key = PersonKey.of(document, Map.of());
    return rows.contactOfPerson(batch, new ContactDao.NewContact(row, "N", List.of(phones), null, null, zone, document,
        null, "{}", key.map(k -> k.kind().wire()).orElse(null), key.map(PersonKey::hash).orElse(null)));
  }

  UUID weekdayCampaign(LocalDate start, LocalDate end, LocalTime open, LocalTime close, String timeZone) {
    return rows.weekdayCampaign(start, end, open, close, timeZone);
  }

  /** Attempt {@code attempt} on the contact's number {@code phoneIndex}, three attempts at most, retried after 1 h. */
  PlanRequest plan(UUID batch, long contact, int attempt, int phoneIndex, String jurisdiction) {
    return new PlanRequest(rows.org(), batch, contact, attempt, phoneIndex,
        new BatchSettings(1, 1, 3, Map.of("no_answer", 3600L), jurisdiction, List.of(), 0, 60, 0));
  }

  ContactCallActivitiesImpl calls(Instant now) {
    return calls(Clock.fixed(now, ZoneOffset.UTC));
  }

  /** The planner, which must never reach a provider. */
  ContactCallActivitiesImpl calls(Clock clock) {
    return new ContactCallActivitiesImpl(jdbi, new UnusedTelephony("planning"), new CallbackUrls("http://localhost:8080"),
        new ContactCallActivitiesImpl.TelephonyDefaults(null, false, null, 30), clock);
  }
}
