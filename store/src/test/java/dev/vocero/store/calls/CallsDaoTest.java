package dev.vocero.store.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CallsDaoTest {
  static Jdbi jdbi;
  final UUID org = UUID.randomUUID();
  final UUID other = UUID.randomUUID();
  final UUID batch = UUID.randomUUID();

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
  }

  private void batchWithContacts(int n) {
    jdbi.useExtension(OrganizationDao.class, dao -> {
      dao.insert(org, "Cobranzas");
      dao.insert(other, "Otra");
    });
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(batch, org, "Octubre", "{\"callsPerSecond\":1}", "lista.xlsx", "xlsx",
        n + 1, n, 1, null));
    List<ContactDao.NewContact> contacts = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      contacts.add(new ContactDao.NewContact(i + 2, "Cliente " + i, List.of("+5730012345" + (10 + i), "+5760112345" + (10 + i)),
          new BigDecimal("150000.50"), LocalDate.of(2026, 12, 1), "America/Bogota", "CC" + i, null, "{\"producto\":\"tarjeta\"}"));
    }
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, batch, contacts));
  }

  @Test
  void givenABatch_itShouldPageContactsAndCountByDisposition() {
    batchWithContacts(5);
    ContactDao contacts = jdbi.onDemand(ContactDao.class);
    List<Long> first = contacts.idsAfter(org, batch, 0, 3);
    assertEquals(3, first.size());
    List<Long> rest = contacts.idsAfter(org, batch, first.get(2), 3);
    assertEquals(2, rest.size());
    assertTrue(contacts.idsAfter(other, batch, 0, 10).isEmpty(), "organization isolation");

    ContactRow row = contacts.find(org, first.get(0)).orElseThrow();
    assertEquals(2, row.phones().size());
    assertEquals("{\"producto\": \"tarjeta\"}", row.variables());
    contacts.recordResult(org, first.get(0), "answered_human", 1);
    Map<String, Long> counts = jdbi.onDemand(BatchDao.class).countsByDisposition(org, batch);
    assertEquals(1L, counts.get("answered_human"));
    assertEquals(4L, counts.get("pending"));
    assertEquals(1, contacts.count(org, batch, "done", null));
  }

  @Test
  void givenARunningBatch_itsHeaderShouldCountItsContactsAsTheyStandNotTheLastStoredFigures() {
    batchWithContacts(6);
    BatchDao batches = jdbi.onDemand(BatchDao.class);
    ContactDao contacts = jdbi.onDemand(ContactDao.class);
    batches.updateStatus(org, batch, "running", 1, 0); // what the workflow stored at its last continue-as-new
    List<Long> ids = contacts.idsAfter(org, batch, 0, 10);
    ids.subList(0, 4).forEach(id -> contacts.markInProgress(org, id));
    ids.subList(0, 3).forEach(id -> contacts.recordResult(org, id, "answered_human", 1));

    BatchRow running = batches.find(org, batch).orElseThrow();
    assertEquals(4, running.started());
    assertEquals(3, running.finished());
    assertEquals(4, batches.list(org, 10, 0).get(0).started());

    batches.updateStatus(org, batch, "cancelled", 4, 3);
    contacts.markInProgress(org, ids.get(5)); // a straggler after the end does not move an ended batch's figures
    assertEquals(4, batches.find(org, batch).orElseThrow().started());
    assertTrue(batches.find(other, batch).isEmpty(), "organization isolation");
  }

  @Test
  void givenAnAttempt_itShouldBeIdempotentAndCountTowardsTheWeeklyCap() {
    batchWithContacts(1);
    long contact = jdbi.onDemand(ContactDao.class).idsAfter(org, batch, 0, 1).get(0);
    AttemptDao attempts = jdbi.onDemand(AttemptDao.class);
    UUID attempt = UUID.randomUUID();
    assertEquals(1, attempts.insertPlanned(attempt, org, batch, contact, 1, 0, "+573001234510"));
    assertEquals(0, attempts.insertPlanned(attempt, org, batch, contact, 1, 0, "+573001234510"));
    assertEquals(0, attempts.countSince(org, "+573001234510", Instant.now().minusSeconds(3600)), "planned does not count");
    assertEquals(1, attempts.markPlaced(org, attempt, "sandbox", "CA123"));
    assertEquals(0, attempts.markPlaced(org, attempt, "sandbox", "CA999"), "placed once");
    assertEquals(1, attempts.countSince(org, "+573001234510", Instant.now().minusSeconds(3600)));
    assertEquals(0, attempts.countSince(other, "+573001234510", Instant.now().minusSeconds(3600)));
    attempts.recordOutcome(org, attempt, "no_answer", "no answer after 30 s", "retry");
    assertEquals("no_answer", attempts.find(org, attempt).orElseThrow().disposition());
  }

  @Test
  void givenAContactPlannedTwice_theOneRoundTripStepsShouldActAsTheirTwoStatementForms() {
    batchWithContacts(1);
    long contact = jdbi.onDemand(ContactDao.class).idsAfter(org, batch, 0, 1).get(0);
    ContactDao contacts = jdbi.onDemand(ContactDao.class);
    ContactRow first = contacts.findAndMarkInProgress(org, contact).orElseThrow();
    assertEquals("pending", first.status(), "the row as it was, as find before markInProgress read it");
    assertEquals("in_progress", contacts.find(org, contact).orElseThrow().status());
    contacts.recordResult(org, contact, "answered_human", 1);
    assertEquals("done", contacts.findAndMarkInProgress(org, contact).orElseThrow().status());
    assertEquals("done", contacts.find(org, contact).orElseThrow().status(), "a done contact is not marked again");
    assertTrue(contacts.findAndMarkInProgress(other, contact).isEmpty(), "organization isolation");

    AttemptDao attempts = jdbi.onDemand(AttemptDao.class);
    UUID attempt = UUID.randomUUID();
    assertEquals(1, attempts.insertPlannedWithRule(attempt, org, batch, contact, 1, 0, "+573001234510", "co.rule-a"));
    assertEquals("co.rule-a", attempts.find(org, attempt).orElseThrow().ruleId());
    attempts.insertPlannedWithRule(attempt, org, batch, contact, 1, 0, "+573001234510", "co.rule-b");
    AttemptRow retried = attempts.find(org, attempt).orElseThrow();
    assertEquals("co.rule-b", retried.ruleId(), "a retried plan sets the rule, as setRule did");
    assertEquals("planned", retried.status());
    int rows = jdbi.withHandle(h -> h.createQuery("select count(*) from call_attempts where id = :id")
        .bind("id", attempt).mapTo(Integer.class).one());
    assertEquals(1, rows);
  }

  @Test
  void givenTheSameProviderEventTwice_itShouldStoreItOnce() {
    ProviderEventDao events = jdbi.onDemand(ProviderEventDao.class);
    assertTrue(events.insert("twilio", "CA1:3", null, null, "CA1", 3, "completed", true, "answered_human", "{}", "orphan").isPresent());
    assertFalse(events.insert("twilio", "CA1:3", null, null, "CA1", 3, "completed", true, "answered_human", "{}", "orphan").isPresent());
    long id = events.insert("twilio", "CA1:4", null, null, "CA1", 4, "completed", true, "answered_human", "{}", "pending").orElseThrow();
    assertEquals(1, events.listPending(Instant.now().plusSeconds(1), 10).stream().filter(e -> e.id() == id).count());
    assertEquals(1, events.markDelivered(id));
    assertEquals(0, events.markDelivered(id));
  }

  @Test
  void givenDncNumbers_itShouldKeepThemPerOrganization() {
    jdbi.useExtension(OrganizationDao.class, dao -> {
      dao.insert(org, "A");
      dao.insert(other, "B");
    });
    DncDao dnc = jdbi.onDemand(DncDao.class);
    assertEquals(1, dnc.add(org, "+573001112233", "asked on call", "api"));
    assertEquals(0, dnc.add(org, "+573001112233", "again", "api"));
    dnc.addAll(org, List.of("+573001112244", "+573001112255"), null, "import");
    assertTrue(dnc.contains(org, "+573001112244"));
    assertFalse(dnc.contains(other, "+573001112244"));
    assertEquals(3, dnc.count(org));
    assertEquals(1, dnc.remove(org, "+573001112233"));
  }
}
