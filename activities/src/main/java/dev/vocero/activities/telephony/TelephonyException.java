package dev.vocero.activities.telephony;

import java.time.Duration;

/** A classified provider failure; messages never contain credentials. */
public class TelephonyException extends RuntimeException {

  public enum Kind { RETRYABLE, INVALID_NUMBER, REJECTED, UNAUTHORIZED }

  private final Kind kind;
  private final int httpStatus;
  private final Duration retryAfter;

  public TelephonyException(Kind kind, int httpStatus, Duration retryAfter, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** The provider's HTTP status, or 0 when there was no response. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The provider's {@code Retry-After}, or null when it sent none. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public boolean retryable() {
    return kind == Kind.RETRYABLE;
  }
}
