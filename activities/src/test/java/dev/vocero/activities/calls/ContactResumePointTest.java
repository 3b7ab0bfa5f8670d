package dev.vocero.activities.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ProviderEventDao;
import dev.vocero.workflows.calls.BatchActivities.ContactPage;
import dev.vocero.workflows.calls.BatchActivities.ContactPageRequest;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.ContactCallActivities.ResumePoint;
import dev.vocero.workflows.calls.ContactCallActivities.ResumeRequest;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.calls.ProviderEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real PostgreSQL: where a contact's calls stand when its workflow starts again after a restart of dev. */
class ContactResumePointTest {
  static final BatchSettings SETTINGS = new BatchSettings(1, 1, 3, Map.of("no_answer", 3600L), "US", List.of(), 0, 60, 0);
  static Jdbi jdbi;

  final UUID org = UUID.randomUUID();
  final UUID batch = UUID.randomUUID();
  ContactCallActivitiesImpl activities;
  long contact;

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
  }

  @BeforeEach
  void setUp() {
    activities = new ContactCallActivitiesImpl(jdbi, new UnusedTelephony("resuming"), new CallbackUrls("http://localhost:8080"),
        new ContactCallActivitiesImpl.TelephonyDefaults(null, false, null, 30), Clock.systemUTC());
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org"));
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(batch, org, "B", "{}", "x.csv", "csv", 2, 2, 0, null));
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, batch, List.of(
        new ContactDao.NewContact(2, "Ana", List.of("+573001234560", "+573001234561"), null, null, "America/Bogota",
            null, null, "{}"),
        new ContactDao.NewContact(3, "Luis", List.of("+573001234562"), null, null, "America/Bogota", null, null, "{}"))));
    contact = jdbi.withExtension(ContactDao.class, dao -> dao.idsAfter(org, batch, 0, 1)).get(0);
  }

  @Test
  void givenNoAttempt_itShouldStartFresh() {
    assertEquals(ResumePoint.FRESH, resume());
  }

  @Test
  void givenANoAnswerWithARetryDecision_itShouldResumeAtTheNextAttemptAfterTheRestOfTheDelay() {
    UUID first = attempt(1, 0, "CA1");
    jdbi.useExtension(AttemptDao.class, dao -> dao.recordOutcome(org, first, "no_answer", "no-answer", "retry"));
    Instant endedAt = jdbi.withExtension(AttemptDao.class, dao -> dao.find(org, first)).orElseThrow().endedAt();

    assertEquals(new ResumePoint(2, 0, 1, Disposition.NO_ANSWER, endedAt.plusSeconds(3600).toEpochMilli(), null, null,
        null), resume());
  }

  @Test
  void givenACallPlacedOnTheNextNumberWhoseTerminalCallbackWasStored_itShouldHandItBackAsTheOpenAttempt() {
    UUID first = attempt(1, 0, "CA1");
    jdbi.useExtension(AttemptDao.class, dao -> dao.recordOutcome(org, first, "failed", "failed", "next_number"));
    UUID second = attempt(2, 1, "CA2");
    jdbi.useExtension(ProviderEventDao.class, dao -> {
      dao.insert("twilio", "CA2:1:ringing", org, second, "CA2", 1, "ringing", false, null, "{}", "delivered");
      dao.insert("twilio", "CA2:2:busy", org, second, "CA2", 2, "busy", true, "busy", "{}", "delivered");
    });

    assertEquals(new ResumePoint(2, 1, 2, Disposition.FAILED, 0, second, new ProviderEvent("CA2:2:busy", "twilio",
        second, "CA2", 2, "busy", true, Disposition.BUSY, null), null), resume());
  }

  @Test
  void givenAnAttemptThatEndedTheContact_itShouldSayTheContactIsFinished() {
    UUID first = attempt(1, 0, "CA1");
    jdbi.useExtension(AttemptDao.class, dao -> dao.recordOutcome(org, first, "answered_human", "completed", "done"));

    assertEquals(new ResumePoint(1, 0, 1, Disposition.ANSWERED_HUMAN, 0, null, null, Disposition.ANSWERED_HUMAN),
        resume());
  }

  @Test
  void givenADoneContact_whenTheBatchPagesAgainFromTheStart_itShouldOnlyGetTheOthers() {
    long other = jdbi.withExtension(ContactDao.class, dao -> dao.idsAfter(org, batch, contact, 1)).get(0);
    jdbi.useExtension(ContactDao.class, dao -> dao.recordResult(org, contact, "answered_human", 1));

    ContactPage page = new BatchActivitiesImpl(jdbi, null).nextContacts(new ContactPageRequest(org, batch, 0, 10));

    assertEquals(new ContactPage(List.of(other), false), page);
  }

  private ResumePoint resume() {
    return activities.resumePoint(new ResumeRequest(org, batch, contact, SETTINGS));
  }

  private UUID attempt(int number, int phoneIndex, String callSid) {
    UUID id = UUID.randomUUID();
    jdbi.useExtension(AttemptDao.class, dao -> {
      dao.insertPlanned(id, org, batch, contact, number, phoneIndex, "+57300123456" + phoneIndex);
      dao.markPlaced(org, id, "twilio", callSid + "-" + id);
    });
    return id;
  }

}
