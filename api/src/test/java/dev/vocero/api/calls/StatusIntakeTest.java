package dev.vocero.api.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ProviderEventDao;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.calls.ProviderEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Group commit of status callbacks against a real PostgreSQL: concurrent callers, duplicates, a failing event. */
class StatusIntakeTest {
  static Jdbi jdbi;
  static StatusIntake intake;
  static UUID org = UUID.randomUUID();
  static UUID batch = UUID.randomUUID();
  static long contact;

  @BeforeAll
  static void start() {
    jdbi = TestDatabase.fresh().jdbi();
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org"));
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(batch, org, "B", "{}", "x.csv", "csv", 1, 1, 0, null));
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, batch, List.of(new ContactDao.NewContact(2, "Ana",
        List.of("+573001234560"), null, null, "America/Bogota", null, null, "{}"))));
    contact = jdbi.withExtension(ContactDao.class, dao -> dao.idsAfter(org, batch, 0, 1)).get(0);
    intake = new StatusIntake(jdbi, 2, 16, 1_000);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    intake.close();
  }

  private static UUID placedAttempt(int number, String callSid) {
    UUID attempt = UUID.randomUUID();
    jdbi.useExtension(AttemptDao.class, dao -> {
      dao.insertPlanned(attempt, org, batch, contact, number, 0, "+573001234560");
      dao.markPlaced(org, attempt, "twilio", callSid);
    });
    return attempt;
  }

  private static StatusIntake.Callback callback(UUID attempt, String callSid, int sequence, String status,
      boolean terminal, String payload) {
    return new StatusIntake.Callback("twilio", new ProviderEvent(callSid + ":" + sequence + ":" + status, "twilio",
        attempt, callSid, sequence, status, terminal, terminal ? Disposition.ANSWERED_HUMAN : null, null),
        payload, terminal, null);
  }

  @Test
  void givenManyConcurrentCallbacksWithEachSentTwice_itShouldStoreEachOnceAndAnswerTheCopyAsARedelivery()
      throws Exception {
    UUID attempt = placedAttempt(1, "CA1");
    int distinct = 300;
    ExecutorService callers = Executors.newFixedThreadPool(32);
    try {
      List<Future<Optional<dev.vocero.store.calls.ProviderEventDao.Intake>>> answers = new ArrayList<>();
      for (int copy = 0; copy < 2; copy++) {
        for (int i = 1; i <= distinct; i++) {
          int sequence = i;
          answers.add(callers.submit(() -> intake.store(callback(attempt, "CA1", sequence,
              sequence == distinct ? "completed" : "ringing", sequence == distinct, "{}"))));
        }
      }
      int stored = 0;
      int pending = 0;
      for (Future<Optional<ProviderEventDao.Intake>> answer : answers) {
        Optional<ProviderEventDao.Intake> result = answer.get();
        if (result.isPresent()) {
          stored++;
          pending += result.get().toSignal() ? 1 : 0;
        }
      }
      assertEquals(distinct, stored, "one stored answer per distinct callback, the copies answered as redeliveries");
      assertEquals(1, pending, "only the terminal callback waits for its signal");
    } finally {
      callers.shutdownNow();
    }
    assertEquals(distinct, jdbi.withExtension(ProviderEventDao.class, dao -> dao.listForAttempt(attempt)).size());
  }

  @Test
  void givenAnEventTheDatabaseRejects_itShouldFailOnlyThatCallback() throws Exception {
    UUID attempt = placedAttempt(2, "CA2");
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<ProviderEventDao.Intake>>> good = new ArrayList<>();
      for (int i = 1; i <= 40; i++) {
        int sequence = i;
        good.add(callers.submit(() -> intake.store(callback(attempt, "CA2", sequence, "ringing", false, "{}"))));
      }
      Future<Optional<ProviderEventDao.Intake>> bad =
          callers.submit(() -> intake.store(callback(attempt, "CA2", 99, "ringing", false, "not json")));
      for (Future<Optional<ProviderEventDao.Intake>> answer : good) {
        assertTrue(answer.get().isPresent());
      }
      Exception failure = assertThrows(Exception.class, bad::get);
      assertTrue(failure.getCause() instanceof RuntimeException, "the bad callback alone fails: " + failure);
    } finally {
      callers.shutdownNow();
    }
    assertEquals(40, jdbi.withExtension(ProviderEventDao.class, dao -> dao.listForAttempt(attempt)).size());
  }

  @Test
  void givenACallbackForAnUnknownAttempt_itShouldKeepItAsAnOrphan() {
    ProviderEventDao.Intake stored = intake.store(callback(UUID.randomUUID(), "CA3", 1, "completed", true, "{}"))
        .orElseThrow();

    assertEquals("orphan", stored.state());
    assertEquals(false, stored.toSignal());
  }
}
