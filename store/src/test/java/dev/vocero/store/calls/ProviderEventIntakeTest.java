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
}
