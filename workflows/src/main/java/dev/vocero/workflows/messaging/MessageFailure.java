package dev.vocero.workflows.messaging;

import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;

/** Non-retryable failures of the messaging activities; the ApplicationFailure type is the constant's name. */
public enum MessageFailure {
  /** The provider refuses the message for good (invalid number, unsubscribed), or its wave is gone. */
  MESSAGE_REJECTED,
  /** The language model refuses an automatic reply's request for good (bad key, invalid request, unusable answer). */
  REPLY_MODEL_REJECTED;

  public String type() {
    return name();
  }

  public ApplicationFailure failure(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type());
  }

  public static String[] types() {
    return Arrays.stream(values()).map(MessageFailure::type).toArray(String[]::new);
  }
}
