package dev.vocero.store.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-statement webhook intake: find the attempt, store the event once, update the attempt. */
class ProviderEventIntakeTest {
  static Jdbi jdbi;
  static ProviderEventDao events;
  static UUID org = UUID.randomUUID();
  static UUID batch = UUID.randomUUID();
  static long contact;
  static UUID attempt = UUID.randomUUID();

  @BeforeAll
  static void placedAttempt() {
    jdbi = TestDatabase.fresh().jdbi();
    events = jdbi.onDemand(ProviderEventDao.class);
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org"));
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(batch, org, "B", "{}", "x.csv", "csv", 1, 1, 0, null));
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, batch, List.of(new ContactDao.NewContact(2, "Ana",
        List.of("+573001234560"), null, null, "America/Bogota", null, null, "{}"))));
    contact = jdbi.withExtension(ContactDao.class, dao -> dao.idsAfter(org, batch, 0, 1)).get(0);
    jdbi.useExtension(AttemptDao.class, dao -> {
      dao.insertPlanned(attempt, org, batch, contact, 1, 0, "+573001234560");
      dao.markPlaced(org, attempt, "twilio", "CA1");
    });
  }

  private static Optional<ProviderEventDao.Intake> status(String key, UUID attemptId, String status, boolean signal,
      String answeredBy, Integer duration) {
    return events.intakeStatus("twilio", key, attemptId, "CA1", 1, status, signal, signal ? "answered_human" : null,
        "{}", signal, answeredBy, duration);
  }

  @Test
  void givenAStatusTheWorkflowDoesNotNeed_itShouldStoreItDeliveredOnceAndUpdateTheAttempt() {
    ProviderEventDao.Intake stored = status("CA1:1:ringing", attempt, "ringing", false, null, null).orElseThrow();

    assertEquals("delivered", stored.state());
    assertFalse(stored.toSignal());
    assertEquals(batch, stored.batchId());
    assertTrue(status("CA1:1:ringing", attempt, "ringing", false, null, null).isEmpty(), "a redelivery stores nothing");
    AttemptRow row = jdbi.withExtension(AttemptDao.class, dao -> dao.find(org, attempt)).orElseThrow();
    assertEquals("ringing", row.providerStatus());
  }

  @Test
  void givenATerminalStatus_itShouldStayPendingForItsSignalWithTheContactToSignal() {
    ProviderEventDao.Intake stored = status("CA1:5:completed", attempt, "completed", true, "human", 42).orElseThrow();

    assertEquals("pending", stored.state());
    assertTrue(stored.toSignal());
    assertEquals(contact, stored.contactId());
    AttemptRow row = jdbi.withExtension(AttemptDao.class, dao -> dao.find(org, attempt)).orElseThrow();
    assertEquals("completed", row.providerStatus());
    assertEquals("human", row.answeredBy());
    assertEquals(42, row.durationSeconds());
    assertEquals(1, events.listPending(java.time.Instant.now().plusSeconds(1), 10).stream()
        .filter(e -> e.id() == stored.id()).count(), "the relay sees it until it is delivered");
  }

  @Test
  void givenAnUnknownOrMissingAttempt_itShouldKeepTheEventAsAnOrphan() {
    ProviderEventDao.Intake unknown = status("CA9:1:completed", UUID.randomUUID(), "completed", true, null, null)
        .orElseThrow();
    ProviderEventDao.Intake missing = status("CA9:2:completed", null, "completed", true, null, null).orElseThrow();

    assertEquals("orphan", unknown.state());
    assertEquals("orphan", missing.state());
    assertNull(unknown.batchId());
    assertFalse(unknown.toSignal());
  }

  @Test
  void givenARecordingCallbackTwice_itShouldStoreItOnce() {
    Optional<ProviderEventDao.Intake> first = events.intakeRecording("twilio", "RE1:completed", attempt, "CA1",
        "completed", true, "RE1", "https://api.twilio.com/recordings/RE1", "{}", true);
    Optional<ProviderEventDao.Intake> again = events.intakeRecording("twilio", "RE1:completed", attempt, "CA1",
        "completed", true, "RE1", "https://api.twilio.com/recordings/RE1", "{}", true);

    assertEquals("pending", first.orElseThrow().state());
    assertTrue(again.isEmpty());
    ProviderEventDao.StoredEvent stored = events.listForAttempt(attempt).stream()
        .filter(e -> e.id() == first.get().id()).findFirst().orElseThrow();
    assertEquals("recording", stored.kind());
    assertEquals("RE1", stored.recordingId());
  }

  @Test
  void givenABatchOfCallbacks_itShouldStoreEachOnceAndUpdateEachAttemptOnceToItsLatestStatus() {
    UUID second = UUID.randomUUID();
    jdbi.useExtension(AttemptDao.class, dao -> {
      dao.insertPlanned(second, org, batch, contact, 2, 0, "+573001234560");
      dao.markPlaced(org, second, "twilio", "CA2");
    });
    status("CA2:0:queued", second, "queued", false, null, null).orElseThrow(); // stored before: a redelivery below

    List<ProviderEventDao.BatchIntake> rows = events.intakeStatuses(
        new String[] {"twilio", "twilio", "twilio", "twilio", "twilio"},
        new String[] {"CA2:1:ringing", "CA2:3:completed", "CA2:2:in-progress", "CA8:1:completed", "CA2:0:queued"},
        new UUID[] {second, second, second, UUID.randomUUID(), second},
        new String[] {"CA2", "CA2", "CA2", "CA8", "CA2"},
        new Integer[] {1, 3, 2, 1, 0},
        new String[] {"ringing", "completed", "in-progress", "completed", "queued"},
        new Boolean[] {false, true, false, true, false},
        new String[] {null, "answered_human", null, null, null},
        new String[] {"{}", "{\"CallStatus\":\"completed\"}", "{}", "{}", "{}"},
        new Boolean[] {false, true, false, true, false},
        new String[] {null, "human", null, null, null},
        new Integer[] {null, 42, null, null, null});

    java.util.Map<Integer, ProviderEventDao.BatchIntake> byPosition = rows.stream()
        .collect(java.util.stream.Collectors.toMap(ProviderEventDao.BatchIntake::n, r -> r));
    assertEquals(java.util.Set.of(1, 2, 3, 4), byPosition.keySet(), "the redelivery (position 5) stores nothing");
    assertEquals("delivered", byPosition.get(1).state());
    assertEquals("pending", byPosition.get(2).state());
    assertTrue(byPosition.get(2).intake().toSignal());
    assertEquals(contact, byPosition.get(2).contactId());
    assertEquals(batch, byPosition.get(3).batchId());
    assertEquals("orphan", byPosition.get(4).state());
    assertNull(byPosition.get(4).batchId());
    AttemptRow row = jdbi.withExtension(AttemptDao.class, dao -> dao.find(org, second)).orElseThrow();
    assertEquals("completed", row.providerStatus(), "the highest sequence of the batch wins, not the last position");
    assertEquals("human", row.answeredBy());
    assertEquals(42, row.durationSeconds());
    assertEquals(4, events.listForAttempt(second).size());
    assertTrue(events.listForAttempt(second).stream().filter(e -> e.id() == byPosition.get(2).id()).findFirst()
        .orElseThrow().payload().contains("completed"), "each row keeps its own payload");
  }
}
