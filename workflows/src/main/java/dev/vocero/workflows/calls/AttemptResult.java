package dev.vocero.workflows.calls;

import dev.vocero.workflows.common.Failures;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

/** How one attempt ended, with the reason stored beside it. */
record AttemptResult(Disposition disposition, String reason) {

  static AttemptResult of(ProviderEvent terminal) {
    Disposition disposition = terminal.disposition() != null ? terminal.disposition() : Disposition.FAILED;
    return new AttemptResult(disposition, terminal.status());
  }

  /** The dial failed for good: an invalid number says so, anything else is a failed attempt. */
  static AttemptResult notPlaced(ActivityFailure failure) {
    if (failure.getCause() instanceof ApplicationFailure app) {
      Disposition disposition = CallFailure.INVALID_NUMBER.type().equals(app.getType())
          ? Disposition.INVALID_NUMBER : Disposition.FAILED;
      return new AttemptResult(disposition, app.getOriginalMessage());
    }
    return new AttemptResult(Disposition.FAILED, "call not placed: " + Failures.type(failure));
  }

  boolean answered() {
    return disposition == Disposition.ANSWERED_HUMAN || disposition == Disposition.ANSWERED_MACHINE;
  }
}
