package dev.vocero.workflows.calls;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The credit ledger in memory, with the real rules: a hold of {@code holdPerCall} when the available credits cover
 * it (once per attempt), a charge of one credit per started minute on settlement. Unlimited until {@link #enforce}.
 */
final class FakeCredits implements CallCreditActivities {
  private final long holdPerCall;
  private boolean enforced;
  private long balance;
  private long reserved;
  private final Map<UUID, Long> holds = new HashMap<>();
  private final Map<UUID, Long> charges = new HashMap<>();
  private final List<CallReservation> refused = new CopyOnWriteArrayList<>();

  FakeCredits(long holdPerCall) {
    this.holdPerCall = holdPerCall;
  }

  synchronized FakeCredits enforce(long startingBalance) {
    enforced = true;
    balance = startingBalance;
    return this;
  }

  @Override
  public synchronized CreditHold reserveCall(CallReservation reservation) {
    if (!enforced) {
      return new CreditHold(true, 0, null);
    }
    Long earlier = holds.get(reservation.attemptId());
    if (earlier != null) {
      return new CreditHold(true, earlier, null);
    }
    if (balance - reserved < holdPerCall) {
      refused.add(reservation);
      return new CreditHold(false, 0, "no credit: " + (balance - reserved) + " available, " + holdPerCall + " needed");
    }
    reserved += holdPerCall;
    holds.put(reservation.attemptId(), holdPerCall);
    return new CreditHold(true, holdPerCall, null);
  }

  @Override
  public synchronized void settleCall(CallSettlement settlement) {
    Long held = holds.get(settlement.attemptId());
    if (held == null || charges.containsKey(settlement.attemptId())) {
      return;
    }
    long seconds = settlement.durationSeconds() == null ? 0 : settlement.durationSeconds();
    long cost = (seconds + 59) / 60;
    charges.put(settlement.attemptId(), cost);
    reserved -= held;
    balance -= cost;
  }

  synchronized long balance() {
    return balance;
  }

  synchronized long reserved() {
    return reserved;
  }

  List<CallReservation> refused() {
    return refused;
  }
}
