package dev.vocero.workflows.alerts;

import io.temporal.failure.ApplicationFailure;

/** Non-retryable failures of alert delivery. */
public enum AlertFailureType {
  /** The receiver answered a 4xx other than 408 or 429: sending the same request again cannot help. */
  WEBHOOK_REJECTED;

  public ApplicationFailure failure(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, name());
  }
}
