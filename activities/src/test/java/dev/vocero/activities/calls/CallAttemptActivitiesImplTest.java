package dev.vocero.activities.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.credits.CreditLedger;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.store.OrgRows;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ContactRow;
import dev.vocero.store.calls.DecisionDao;
import dev.vocero.store.credits.CreditAccount;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.CallAttemptActivities.AttemptClose;
import dev.vocero.workflows.calls.CallAttemptActivities.HeldPlan;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptOutcome;
import dev.vocero.workflows.calls.ContactCallActivities.ContactResult;
import dev.vocero.workflows.calls.ContactCallActivities.Decision;
import dev.vocero.workflows.calls.ContactCallActivities.PlanRequest;
import dev.vocero.workflows.calls.Disposition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lean attempt's two steps on real PostgreSQL: what they store, and that each opens one pooled handle. */
class CallAttemptActivitiesImplTest {
  /** A Tuesday, 10:00 in Bogotá: inside Colombia's calling window. */
  static final Instant CO_TUESDAY = Instant.parse("2026-03-03T15:00:00Z");
  static final AtomicInteger HANDLES_OPENED = new AtomicInteger();

  static Jdbi jdbi;
  static CreditLedger ledger;
  static CallAttemptActivitiesImpl attempts;
  /** A new instance per test, after {@link #database}: a new organisation each time. */
  final OneContactBatch fixture = OneContactBatch.insert(ledger, new OrgRows(jdbi), "Luis", "+573001112233");
  final UUID org = fixture.org();
  final UUID batch = fixture.batch();
  final long contact = fixture.contact();

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
    jdbi.getConfig(Handles.class).addListener(new HandleListener() {
      @Override
      public void handleCreated(Handle handle) {
        HANDLES_OPENED.incrementAndGet();
      }
    });
    ledger = new CreditLedger(jdbi);
    ContactCallActivitiesImpl calls = new ContactCallActivitiesImpl(jdbi, new UnusedTelephony("the lean steps"),
        new CallbackUrls("http://localhost:8080"), new ContactCallActivitiesImpl.TelephonyDefaults(null, false, null, 30),
        Clock.fixed(CO_TUESDAY, ZoneOffset.UTC));
    attempts = new CallAttemptActivitiesImpl(jdbi, calls,
        new CallCreditActivitiesImpl(jdbi, new CreditPrices(2, 1, 1, 2))); // 4 credits held per call
  }

  @Test
  void givenCredit_whenPlannedAndClosedAsTheLastAttempt_itShouldHoldChargeAndStoreTheResultOnOneHandleEach() {
    ledger.topup(org, 10, null, null, "pack");

    HANDLES_OPENED.set(0);
    HeldPlan held = attempts.planAndHold(plan());
    assertEquals(1, HANDLES_OPENED.get(), "plan, policy, gate and hold share one handle");

    assertEquals(Decision.DIAL, held.plan().decision());
    assertTrue(held.hold().granted());
    assertEquals(4, account().reserved());
    UUID attempt = held.plan().attemptId();
    jdbi.useExtension(AttemptDao.class, dao -> {
      dao.markPlaced(org, attempt, "twilio", "CA-" + attempt);
      dao.recordProviderStatus(attempt, "completed", "human", 125);
    });

    HANDLES_OPENED.set(0);
    attempts.closeAttempt(new AttemptClose(new AttemptOutcome(org, attempt, Disposition.ANSWERED_HUMAN, null, "done"),
        true, 30L, new ContactResult(org, batch, contact, Disposition.ANSWERED_HUMAN, 1)));
    assertEquals(1, HANDLES_OPENED.get(), "settlement, outcome and result share one handle");

    assertEquals(10 - 3 * 2, account().balance(), "125 s stored = 3 started minutes × 2 credits");
    assertEquals(0, account().reserved());
    AttemptRow row = jdbi.withExtension(AttemptDao.class, dao -> dao.find(org, attempt)).orElseThrow();
    assertEquals(Disposition.ANSWERED_HUMAN.wire(), row.disposition());
    assertEquals("done", row.nextStep());
    ContactRow stored = jdbi.withExtension(ContactDao.class, dao -> dao.find(org, contact)).orElseThrow();
    assertEquals(Disposition.ANSWERED_HUMAN.wire(), stored.finalDisposition());
    assertEquals(1, stored.attempts());
    List<DecisionDao.Decision> decisions = jdbi.withExtension(DecisionDao.class, dao -> dao.listForContact(org, contact));
    assertEquals(List.of("dial", "done"), decisions.stream().map(DecisionDao.Decision::decision).toList());
  }

  @Test
  void givenARetryToCome_whenClosed_itShouldLeaveTheContactOpen() {
    ledger.topup(org, 10, null, null, "pack");
    UUID attempt = attempts.planAndHold(plan()).plan().attemptId();
    jdbi.useExtension(AttemptDao.class, dao -> dao.markPlaced(org, attempt, "twilio", "CA-" + attempt));

    attempts.closeAttempt(new AttemptClose(new AttemptOutcome(org, attempt, Disposition.NO_ANSWER, "no-answer", "retry"),
        true, null, null));

    assertEquals(10, account().balance(), "no minute started");
    assertEquals(0, account().reserved());
    assertNull(jdbi.withExtension(ContactDao.class, dao -> dao.find(org, contact)).orElseThrow().finalDisposition());
  }

  @Test
  void givenTooLittleCredit_whenPlanned_itShouldPlanTheDialRefuseTheHoldAndStoreNoCreditWithoutSettling() {
    ledger.topup(org, 3, null, null, "pack");

    HeldPlan held = attempts.planAndHold(plan());
    assertEquals(Decision.DIAL, held.plan().decision());
    assertFalse(held.hold().granted());
    assertTrue(held.hold().reason().startsWith("no credit: 3 credits available"), held.hold().reason());

    attempts.closeAttempt(new AttemptClose(new AttemptOutcome(org, held.plan().attemptId(), Disposition.NO_CREDIT,
        held.hold().reason(), "done"), false, null, new ContactResult(org, batch, contact, Disposition.NO_CREDIT, 0)));

    assertEquals(3, account().balance());
    assertEquals(Disposition.NO_CREDIT.wire(),
        jdbi.withExtension(ContactDao.class, dao -> dao.find(org, contact)).orElseThrow().finalDisposition());
  }

  @Test
  void givenACallCancelledAfterItsHold_whenClosed_itShouldGiveTheWholeHoldBack() {
    ledger.topup(org, 10, null, null, "pack");
    UUID attempt = attempts.planAndHold(plan()).plan().attemptId();

    attempts.closeAttempt(new AttemptClose(new AttemptOutcome(org, attempt, Disposition.CANCELED,
        "cancelled before dialing", "done"), true, null, new ContactResult(org, batch, contact, Disposition.CANCELED, 0)));

    assertEquals(10, account().balance());
    assertEquals(0, account().reserved());
  }

  private PlanRequest plan() {
    return new PlanRequest(org, batch, contact, 1, 0,
        new BatchSettings(1, 1, 3, Map.of("no_answer", 3600L), "CO", List.of(), 0, 60, 0));
  }

  private CreditAccount account() {
    return ledger.account(org).orElseThrow();
  }

}
