package dev.vocero.api.credits;

import dev.vocero.store.credits.CreditAccount;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.store.credits.LedgerEntry;
import java.util.UUID;

/** JSON shapes of the credit endpoints. Amounts are whole credits (see docs/features/credits.md). */
final class CreditViews {
  private CreditViews() {}

  record Balance(long balance, long reserved, long available, boolean enforced, CreditPrices prices) {
    static Balance of(CreditAccount account, CreditPrices prices) {
      return new Balance(account.balance(), account.reserved(), account.available(), account.enforced(), prices);
    }
  }


  record TopupResult(LedgerEntry entry, boolean duplicate, Balance account) {}

  /** {@code sufficient}: the available credits cover the worst case (always true when credits are not enforced). */
  record Estimate(UUID batchId, long contacts, long attempts, int minutesPerAttempt, long creditsPerMinute,
      long credits, long available, boolean enforced, boolean sufficient) {

    static Estimate of(UUID batchId, CreditPrices.CallEstimate estimate, CreditAccount account) {
      return new Estimate(batchId, estimate.contacts(), estimate.attempts(), estimate.minutesPerAttempt(),
          estimate.creditsPerMinute(), estimate.credits(), account.available(), account.enforced(),
          !account.enforced() || account.available() >= estimate.credits());
    }
  }
}
