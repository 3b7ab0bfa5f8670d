package dev.vocero.credits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.store.messaging.MessageDao;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Held message credits are charged when the provider never reports a final status, once, and only after the wait. */
class UnconfirmedMessageCreditsTest {
  static Jdbi jdbi;

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
  }

  @Test
  void givenMessagesWithoutAFinalStatus_whenSwept_itShouldChargeOnlyTheOldOnesOnce() {
    UUID org = UUID.randomUUID();
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Sin recibos"));
    CreditLedger ledger = new CreditLedger(jdbi);
    ledger.setEnforced(org, true);
    ledger.topup(org, 20, "t-" + org, null, "test");
    MessageCredits credits = new MessageCredits(jdbi, CreditPrices.defaults());
    UUID silent = sent(org, credits, "sent", Duration.ofHours(30));   // never heard of again
    sent(org, credits, "sent", Duration.ofHours(2));                  // may still get its receipt
    UUID delivered = sent(org, credits, "sent", Duration.ofHours(30));
    jdbi.useTransaction(h -> credits.onProviderStatus(h, jdbi.onDemand(MessageDao.class).findById(delivered)
        .orElseThrow(), "delivered"));

    assertEquals(1, credits.settleUnconfirmed(Duration.ofHours(24), 100));
    assertEquals(0, credits.settleUnconfirmed(Duration.ofHours(24), 100), "charged once");

    var account = ledger.account(org).orElseThrow();
    assertEquals(18, account.balance(), "the delivered one and the silent one, 1 credit each");
    assertEquals(1, account.reserved(), "the recent one stays held");
  }

  private UUID sent(UUID org, MessageCredits credits, String state, Duration age) {
    UUID id = UUID.randomUUID();
    MessageDao dao = jdbi.onDemand(MessageDao.class);
    dao.insertOutbound(id, org, null, null, "+573001234567", "sms", "Hola", null, null, "pending", null);
    credits.reserve(dao.findById(id).orElseThrow());
    dao.markAccepted(id, "twilio", "SM" + id.toString().replace("-", ""), state);
    jdbi.useHandle(h -> h.createUpdate("update messages set updated_at = now() - make_interval(secs => :s) where id = :id")
        .bind("s", (double) age.toSeconds()).bind("id", id).execute());
    return id;
  }
}
