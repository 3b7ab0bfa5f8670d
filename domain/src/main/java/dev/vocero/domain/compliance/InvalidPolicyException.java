package dev.vocero.domain.compliance;

/** A policy resource that does not validate; thrown at start-up, naming the file and the rule. */
public final class InvalidPolicyException extends RuntimeException {
  public InvalidPolicyException(String message) {
    super(message);
  }
}
