package dev.vocero.workflows.calls;

import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;

/** Non-retryable failures of the call activities; the ApplicationFailure type is the constant's name. */
public enum CallFailure {
  /** The provider refused the number as not dialable: the contact moves to its next number. */
  INVALID_NUMBER,
  /** The provider refuses the call for good (rejected request, bad credentials): the attempt fails, not retried. */
  TELEPHONY_REJECTED,
  /** The provider refuses the recording's download for good (bad credentials, gone, not audio). */
  RECORDING_UNAVAILABLE;

  public String type() {
    return name();
  }

  public ApplicationFailure failure(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type());
  }

  public static String[] types() {
    return Arrays.stream(values()).map(CallFailure::type).toArray(String[]::new);
  }
}
