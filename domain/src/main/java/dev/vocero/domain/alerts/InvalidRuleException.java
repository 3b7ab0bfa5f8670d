package dev.vocero.domain.alerts;

/** A rule that cannot be evaluated; the message tells its author what to change. */
public final class InvalidRuleException extends RuntimeException {
  public InvalidRuleException(String message) {
    super(message, null, false, false);
  }
}
