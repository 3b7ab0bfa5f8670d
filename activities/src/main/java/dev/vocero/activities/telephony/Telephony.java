package dev.vocero.activities.telephony;

import java.time.Instant;
import java.util.Optional;

/** Places outbound calls with one provider and reads their state back. No Temporal types: activities wrap it. */
public interface Telephony {

  /** {@code twilio}, {@code retell} or {@code sandbox}. */
  String provider();

  /** Dials {@code request.to()}; the call's progress arrives later at {@code request.statusCallbackUrl()}. */
  PlacedCallInfo place(CallRequest request);

  /** The call's current state, or empty when the provider does not know the id. */
  Optional<CallStatusInfo> fetch(String providerCallId);

  /**
   * Effectively-once support: a call this provider already placed for this attempt (to this number, since
   * notBefore), if any.
   */
  Optional<PlacedCallInfo> findPlaced(CallRequest request, Instant notBefore);
}
