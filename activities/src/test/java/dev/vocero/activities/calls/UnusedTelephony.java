package dev.vocero.activities.calls;

import dev.vocero.activities.telephony.CallRequest;
import dev.vocero.activities.telephony.CallStatusInfo;
import dev.vocero.activities.telephony.PlacedCallInfo;
import dev.vocero.activities.telephony.Telephony;
import java.time.Instant;
import java.util.Optional;

/**
 * A provider for tests of steps that must never reach one (planning, resuming, the lean PostgreSQL steps): every call
 * to it fails the test, saying which step broke that promise.
 */
public final class UnusedTelephony implements Telephony {
  private final String step;

  /** @param step the step under test, for the failure message ("planning", "resuming"…) */
  public UnusedTelephony(String step) {
    this.step = step;
  }

  @Override
  public String provider() {
    return "twilio";
  }

  @Override
  public PlacedCallInfo place(CallRequest request) {
    throw new AssertionError(step + " places no call");
  }

  @Override
  public Optional<CallStatusInfo> fetch(String providerCallId) {
    throw new AssertionError(step + " asks no provider");
  }

  @Override
  public Optional<PlacedCallInfo> findPlaced(CallRequest request, Instant notBefore) {
    throw new AssertionError(step + " asks no provider");
  }
}
