package dev.vocero.activities.llm;

import java.time.Duration;

/** A classified language-model failure. Messages never contain keys or customer text. */
public class LanguageModelException extends RuntimeException {

  /** How a caller should react. */
  public enum Kind {
    /** Try again later (429, 5xx, timeouts); {@link #retryAfter()} may say when. */
    TRANSIENT,
    /** The request itself is wrong (400, schema refused); retrying will not help. */
    INVALID_REQUEST,
    /** Bad or missing key (401/403). */
    UNAUTHORIZED,
    /** The model declined to answer (a refusal or a safety block); another provider may answer. */
    REFUSED,
    /** No language model is configured. */
    NOT_CONFIGURED,
    /** Every provider of the chain failed or is open-circuited. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final Duration retryAfter;

  public LanguageModelException(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public LanguageModelException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** Null when the provider did not say. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
