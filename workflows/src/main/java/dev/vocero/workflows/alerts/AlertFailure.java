package dev.vocero.workflows.alerts;

import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;

/** Non-retryable failures of alert delivery; the ApplicationFailure type is the constant's name. */
public enum AlertFailure {
  /** The receiver answered a 4xx other than 408 or 429: sending the same request again cannot help. */
  WEBHOOK_REJECTED;

  public String type() {
    return name();
  }

  public ApplicationFailure failure(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type());
  }

  public static String[] types() {
    return Arrays.stream(values()).map(AlertFailure::type).toArray(String[]::new);
  }
}
