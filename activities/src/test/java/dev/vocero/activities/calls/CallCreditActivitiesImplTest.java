package dev.vocero.activities.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.OrgRows;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.DecisionDao;
import dev.vocero.store.credits.CreditAccount;
import dev.vocero.credits.CreditLedger;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.workflows.calls.CallCreditActivities.CallReservation;
import dev.vocero.workflows.calls.CallCreditActivities.CallSettlement;
import dev.vocero.workflows.calls.CallCreditActivities.CreditHold;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Holds and charges on real PostgreSQL: the duration the webhook stored on the attempt decides the charge. */
class CallCreditActivitiesImplTest {
  static final Jdbi jdbi = TestDatabase.fresh().jdbi();
  static final CallCreditActivitiesImpl credits = new CallCreditActivitiesImpl(jdbi,
      new CreditPrices(2, 1, 1, 2)); // 4 credits held per call
  static final CreditLedger ledger = new CreditLedger(jdbi);
  final OneContactBatch fixture = OneContactBatch.insert(ledger, new OrgRows(jdbi), "Ana", "+573001234560");
  final UUID org = fixture.org();
  final UUID batch = fixture.batch();
  final long contact = fixture.contact();

  @Test
  void givenAnAnsweredCall_whenHeldRetriedAndSettledTwice_itShouldChargeItsStartedMinutesOnce() {
    ledger.topup(org, 10, null, null, "pack");
    UUID attempt = attempt(true);
    CallReservation reservation = new CallReservation(org, batch, contact, attempt);

    assertEquals(new CreditHold(true, 4, null), credits.reserveCall(reservation));
    assertEquals(new CreditHold(true, 4, null), credits.reserveCall(reservation), "a retry holds nothing more");
    assertEquals(4, account().reserved());

    jdbi.useExtension(AttemptDao.class, dao -> dao.recordProviderStatus(attempt, "completed", "human", 125));
    credits.settleCall(new CallSettlement(org, attempt, 30L)); // the stored 125 s win over the event's 30 s
    credits.settleCall(new CallSettlement(org, attempt, 30L));

    CreditAccount account = account();
    assertEquals(10 - 3 * 2, account.balance(), "125 s = 3 started minutes × 2 credits");
    assertEquals(0, account.reserved());
  }

  @Test
  void givenACallNeverPlaced_whenSettled_itShouldReleaseTheWholeHold() {
    ledger.topup(org, 10, null, null, "pack");
    UUID attempt = attempt(false);
    credits.reserveCall(new CallReservation(org, batch, contact, attempt));
    credits.settleCall(new CallSettlement(org, attempt, null));
    assertEquals(10, account().balance());
    assertEquals(0, account().reserved());
  }

  @Test
  void givenTooLittleCredit_whenHolding_itShouldRefuseAndRecordTheDecision() {
    ledger.topup(org, 3, null, null, "pack");
    UUID attempt = attempt(false);
    CreditHold hold = credits.reserveCall(new CallReservation(org, batch, contact, attempt));

    assertFalse(hold.granted());
    assertTrue(hold.reason().startsWith("no credit: 3 credits available, 4 needed"), hold.reason());
    List<DecisionDao.Decision> decisions = jdbi.withExtension(DecisionDao.class, dao -> dao.listForContact(org, contact));
    assertEquals("no_credit", decisions.get(decisions.size() - 1).decision());
    assertEquals(attempt, decisions.get(decisions.size() - 1).attemptId());
  }

  @Test
  void givenCreditsNotEnforced_itShouldGrantWithoutHolding() {
    ledger.setEnforced(org, false);
    UUID attempt = attempt(true);
    assertEquals(new CreditHold(true, 0, null), credits.reserveCall(new CallReservation(org, batch, contact, attempt)));
    credits.settleCall(new CallSettlement(org, attempt, 600L));
    assertEquals(0, account().balance());
  }

  private CreditAccount account() {
    return ledger.account(org).orElseThrow();
  }

  private UUID attempt(boolean placed) {
    UUID attemptId = UUID.randomUUID();
    jdbi.useExtension(AttemptDao.class, dao -> {
      dao.insertPlanned(attemptId, org, batch, contact, 1, 0, "+573001234560");
      if (placed) {
        dao.markPlaced(org, attemptId, "twilio", "CA-" + attemptId);
      }
    });
    return attemptId;
  }
}
