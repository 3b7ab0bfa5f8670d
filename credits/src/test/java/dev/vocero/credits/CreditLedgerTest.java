package dev.vocero.credits;

import dev.vocero.store.credits.CreditAccount;
import dev.vocero.store.credits.CreditDao;
import dev.vocero.store.credits.LedgerEntry;

import dev.vocero.domain.credits.CreditPrices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.credits.CreditLedger.Reservation;
import dev.vocero.credits.CreditLedger.ReservationStatus;
import dev.vocero.credits.CreditLedger.Settlement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreditLedgerTest {
  static Jdbi jdbi;
  static CreditLedger ledger;
  final UUID org = UUID.randomUUID();

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
    ledger = new CreditLedger(jdbi);
  }

  @BeforeEach
  void organization() {
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Cobranzas"));
    ledger.setEnforced(org, true);
  }

  @Test
  void givenAnOrganizationNotEnforced_whenReserving_itShouldNeverLimitNorWrite() {
    ledger.setEnforced(org, false);
    Reservation r = ledger.reserve(org, "attempt-1", 2);
    assertEquals(ReservationStatus.NOT_ENFORCED, r.status());
    assertEquals(0, jdbi.onDemand(CreditDao.class).count(org));
    assertFalse(ledger.settle(org, "attempt-1", 3, null).reserved());
  }

  @Test
  void givenTopups_whenRepeatedWithTheSameKey_itShouldAddOnce() {
    var first = ledger.topup(org, 10, "key-1", null, "first pack");
    var again = ledger.topup(org, 10, "key-1", null, "first pack");
    ledger.topup(org, 5, null, null, "no key");
    ledger.topup(org, 5, null, null, "no key");
    assertFalse(first.duplicate());
    assertTrue(again.duplicate());
    assertEquals(first.entry().id(), again.entry().id());
    assertEquals(20, ledger.account(org).orElseThrow().balance());
  }

  @Test
  void givenAReservation_whenRetried_itShouldHoldOnce() {
    ledger.topup(org, 10, null, null, "pack");
    assertEquals(ReservationStatus.GRANTED, ledger.reserve(org, "attempt-1", 4).status());
    Reservation retry = ledger.reserve(org, "attempt-1", 4);
    assertEquals(ReservationStatus.GRANTED, retry.status());
    assertEquals(4, retry.amount());
    CreditAccount account = ledger.account(org).orElseThrow();
    assertEquals(4, account.reserved());
    assertEquals(6, account.available());
  }

  @Test
  void givenTooLittleCredit_whenReserving_itShouldRefuseAndLeaveNoTrace() {
    ledger.topup(org, 3, null, null, "pack");
    Reservation r = ledger.reserve(org, "attempt-1", 4);
    assertEquals(ReservationStatus.INSUFFICIENT, r.status());
    assertEquals(3, r.available());
    assertEquals(0, ledger.account(org).orElseThrow().reserved());
    assertEquals(1, jdbi.onDemand(CreditDao.class).count(org), "only the top-up");
  }

  @Test
  void givenASettlement_itShouldChargeStartedMinutesAndReleaseTheRest() {
    CreditPrices prices = new CreditPrices(3, 1, 1, 2); // 6 credits held per call
    ledger.topup(org, 20, null, null, "pack");
    ledger.reserve(org, "short", prices.callReservation());
    ledger.reserve(org, "long", prices.callReservation());
    ledger.reserve(org, "unanswered", prices.callReservation());

    Settlement shortCall = ledger.settle(org, "short", prices.callCost(61), null); // 2 started minutes
    Settlement longCall = ledger.settle(org, "long", prices.callCost(185), null); // 4 started minutes
    Settlement none = ledger.settle(org, "unanswered", prices.callCost(0), null);
    Settlement retried = ledger.settle(org, "short", prices.callCost(61), null);

    assertEquals(6, shortCall.charged());
    assertEquals(0, shortCall.released());
    assertEquals(12, longCall.charged(), "a call is never cut short: it may cost more than its reservation");
    assertEquals(0, none.charged());
    assertEquals(6, none.released());
    assertEquals(6, retried.charged());
    CreditAccount account = ledger.account(org).orElseThrow();
    assertEquals(20 - 6 - 12, account.balance());
    assertEquals(0, account.reserved());
    List<LedgerEntry> entries = jdbi.onDemand(CreditDao.class).page(org, 50, 0);
    assertEquals(1 + 3 + 3 + 1, entries.size(), "topup, 3 reserves, 3 settles, 1 release");
  }

  @Test
  void givenConcurrentReservations_whenTheyExceedTheBalance_itShouldNeverOverdraw() throws Exception {
    ledger.topup(org, 10, null, null, "pack");
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Reservation>> results = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        String reference = "attempt-" + i;
        Callable<Reservation> task = () -> {
          go.await();
          return ledger.reserve(org, reference, 3);
        };
        results.add(pool.submit(task));
      }
      go.countDown();
      int granted = 0;
      for (Future<Reservation> f : results) {
        granted += f.get().status() == ReservationStatus.GRANTED ? 1 : 0;
      }
      assertEquals(3, granted, "10 credits cover three holds of 3");
    } finally {
      pool.shutdownNow();
    }
    CreditAccount account = ledger.account(org).orElseThrow();
    assertEquals(9, account.reserved());
    assertTrue(account.available() >= 0);
  }

  @Test
  void givenTheSameReferenceConcurrently_itShouldReserveOnce() throws Exception {
    ledger.topup(org, 100, null, null, "pack");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Reservation>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return ledger.reserve(org, "attempt-same", 2);
        }));
      }
      go.countDown();
      for (Future<Reservation> f : results) {
        assertEquals(ReservationStatus.GRANTED, f.get().status());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, ledger.account(org).orElseThrow().reserved());
  }

  @Test
  void givenAList_itShouldEstimateContactsTimesAttemptsTimesMinutesTimesPrice() {
    CreditPrices.CallEstimate estimate = new CreditPrices(2, 1, 1, 3).estimateCalls(100, 2);
    assertEquals(200, estimate.attempts());
    assertEquals(100 * 2 * 3 * 2, estimate.credits());
  }

  @Test
  void givenAHold_whenReleasedTwiceThenSettled_itShouldGiveItBackOnceAndChargeNothing() {
    ledger.topup(org, 10, null, null, "pack");
    ledger.reserve(org, "message-1", 3);

    assertTrue(ledger.release(org, "message-1", "refused"));
    assertFalse(ledger.release(org, "message-1", "refused"), "a retry releases nothing more");
    assertEquals(new Settlement(true, 0, 3), ledger.settle(org, "message-1", 3, "late delivered"),
        "a released hold is never charged afterwards");

    CreditAccount account = ledger.account(org).orElseThrow();
    assertEquals(10, account.balance());
    assertEquals(0, account.reserved());
    assertEquals(List.of("topup", "reserve", "release"), kinds());
  }

  @Test
  void givenASettledHoldOrNone_whenReleased_itShouldChangeNothing() {
    ledger.topup(org, 10, null, null, "pack");
    ledger.reserve(org, "message-2", 3);
    ledger.settle(org, "message-2", 2, "delivered");

    assertFalse(ledger.release(org, "message-2", "failed"));
    assertFalse(ledger.release(org, "never-held", "failed"));

    CreditAccount account = ledger.account(org).orElseThrow();
    assertEquals(8, account.balance());
    assertEquals(0, account.reserved());
  }

  @Test
  void givenAMessagePriceTable_whenPricing_itShouldChargeSegmentsAndWhatsappKinds() {
    CreditPrices prices = new CreditPrices(1, 3, 2, 5, 2);
    assertEquals(3, prices.messageCost("sms", false, 0), "at least one segment");
    assertEquals(9, prices.messageCost("sms", false, 3));
    assertEquals(2, prices.messageCost("whatsapp", false, 1));
    assertEquals(5, prices.messageCost("whatsapp", true, 1));
    assertEquals(4, new CreditPrices(1, 1, 4, 2).whatsappPerTemplate(), "a template costs a message unless priced");
  }

  private List<String> kinds() {
    List<String> kinds = new ArrayList<>();
    jdbi.onDemand(CreditDao.class).page(org, 100, 0).forEach(e -> kinds.add(0, e.kind()));
    return kinds;
  }
}
