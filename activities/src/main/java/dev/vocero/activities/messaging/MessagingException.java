package dev.vocero.activities.messaging;

import java.time.Duration;

/** A send the provider did not take: {@link Kind#RETRYABLE} (outage, rate limit) or {@link Kind#REJECTED} for good. */
public class MessagingException extends RuntimeException {

  public enum Kind { RETRYABLE, REJECTED }

  private final Kind kind;
  private final String errorCode;
  private final Duration retryAfter;

  public MessagingException(Kind kind, String errorCode, String message, Throwable cause) {
    this(kind, errorCode, null, message, cause);
  }

  public MessagingException(Kind kind, String errorCode, Duration retryAfter, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** The provider's error code (Twilio's 21211...), or null. */
  public String errorCode() {
    return errorCode;
  }

  /** The provider's {@code Retry-After} on an outage or rate limit, or null when it sent none. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
