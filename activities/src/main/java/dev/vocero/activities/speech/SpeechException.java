package dev.vocero.activities.speech;

import java.time.Duration;

/**
 * A classified speech-to-text failure. Messages are written for operators and never contain the API key,
 * audio bytes or transcript text.
 */
public class SpeechException extends RuntimeException {

  public enum Kind { RETRYABLE, REJECTED, UNAUTHORIZED, TOO_LARGE, NOT_CONFIGURED }

  private final Kind kind;
  private final int httpStatus;
  private final Duration retryAfter;

  public SpeechException(Kind kind, String message) {
    this(kind, 0, null, message, null);
  }

  public SpeechException(Kind kind, int httpStatus, Duration retryAfter, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public Kind getKind() {
    return kind;
  }

  /** The provider's HTTP status, or 0 when the failure happened without a response. */
  public int getHttpStatus() {
    return httpStatus;
  }

  /** The provider's {@code Retry-After}, or null when it sent none. */
  public Duration getRetryAfter() {
    return retryAfter;
  }

  public boolean retryable() {
    return kind == Kind.RETRYABLE;
  }
}
