package dev.vocero.activities.calls;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.DecisionDao;
import dev.vocero.credits.CreditLedger;
import dev.vocero.credits.CreditLedger.Reservation;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.CallCreditActivities;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds a call's estimated cost on the ledger before dialing and charges its started minutes afterwards. */
public final class CallCreditActivitiesImpl implements CallCreditActivities {
  public static final String NO_CREDIT = "no_credit";
  private static final Logger LOG = LoggerFactory.getLogger(CallCreditActivitiesImpl.class);

  private final Jdbi jdbi;
  private final SharedDaos daos;
  private final CreditLedger ledger;
  private final CreditPrices prices;

  public CallCreditActivitiesImpl(Jdbi jdbi, CreditPrices prices) {
    this.jdbi = jdbi;
    this.daos = SharedDaos.of(jdbi);
    this.ledger = new CreditLedger(jdbi);
    this.prices = prices;
  }

  @Override
  public CreditHold reserveCall(CallReservation request) {
    long needed = prices.callReservation();
    Reservation reservation = ledger.reserve(request.orgId(), request.attemptId().toString(), needed);
    return switch (reservation.status()) {
      case NOT_ENFORCED -> new CreditHold(true, 0, null);
      case GRANTED -> new CreditHold(true, reservation.amount(), null);
      case INSUFFICIENT -> refuse(request, needed, reservation.available());
    };
  }

  private CreditHold refuse(CallReservation request, long needed, long available) {
    String reason = BatchProgress.CREDIT_REASON + ": " + available + " credits available, " + needed + " needed to hold "
        + prices.reserveMinutes() + " call-minutes; top up and resume the batch";
    daos.get(DecisionDao.class).insert(request.orgId(), request.batchId(), request.contactId(), request.attemptId(),
        NO_CREDIT, reason);
    LOG.info("Attempt {} of batch {} not dialed: no credit", request.attemptId(), request.batchId());
    return new CreditHold(false, 0, reason);
  }

  /** The duration the webhook stored on the attempt wins; a call that was never placed costs nothing. */
  @Override
  public void settleCall(CallSettlement settlement) {
    Optional<AttemptRow> attempt = daos.get(AttemptDao.class).find(settlement.orgId(), settlement.attemptId());
    jdbi.useTransaction(handle -> settleIn(handle, settlement, attempt));
  }

  /** {@link #settleCall} inside the caller's transaction, with the attempt row already read (empty when gone). */
  void settleIn(Handle handle, CallSettlement settlement, Optional<AttemptRow> attempt) {
    boolean placed = attempt.map(a -> a.providerCallId() != null).orElse(true);
    long seconds = attempt.map(AttemptRow::durationSeconds).map(Integer::longValue)
        .orElse(settlement.durationSeconds() == null ? 0L : settlement.durationSeconds());
    long cost = placed ? prices.callCost(seconds) : 0;
    CreditLedger.settleIn(handle, settlement.orgId(), settlement.attemptId().toString(), cost, "call of " + seconds + " s");
  }
}
