package dev.vocero.activities.messaging;

/** A send the provider did not take: {@link Kind#RETRYABLE} (outage, rate limit) or {@link Kind#REJECTED} for good. */
public class MessagingException extends RuntimeException {

  public enum Kind { RETRYABLE, REJECTED }

  private final Kind kind;
  private final String errorCode;

  public MessagingException(Kind kind, String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.errorCode = errorCode;
  }

  public Kind kind() {
    return kind;
  }

  /** The provider's error code (Twilio's 21211...), or null. */
  public String errorCode() {
    return errorCode;
  }
}
