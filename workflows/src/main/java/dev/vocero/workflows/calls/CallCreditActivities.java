package dev.vocero.workflows.calls;

import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/**
 * Prepaid credits around one call attempt. Both steps are idempotent by attempt id: a retry never holds or charges
 * twice. Organizations whose credits are not enforced are always granted and never charged.
 */
@ActivityInterface(namePrefix = "Credits")
public interface CallCreditActivities {

  /** Holds the estimated cost of the attempt before dialing; when refused, records the "no_credit" decision. */
  CreditHold reserveCall(CallReservation reservation);

  /** Charges the call's started minutes (duration recorded on the attempt) and releases the rest of the hold. */
  void settleCall(CallSettlement settlement);

  record CallReservation(UUID orgId, UUID batchId, long contactId, UUID attemptId) {}

  /** @param reason why it was refused, for the decision log and the batch's pause reason; null when granted */
  record CreditHold(boolean granted, long reserved, String reason) {}

  /** @param durationSeconds from the provider's terminal event, used when the attempt row has none; may be null */
  record CallSettlement(UUID orgId, UUID attemptId, Long durationSeconds) {}
}
