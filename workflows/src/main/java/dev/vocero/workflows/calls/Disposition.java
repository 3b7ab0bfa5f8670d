package dev.vocero.workflows.calls;

import java.util.Locale;

/** How one attempt (and finally one contact) ended. */
public enum Disposition {
  ANSWERED_HUMAN,
  ANSWERED_MACHINE,
  NO_ANSWER,
  BUSY,
  FAILED,
  CANCELED,
  BLOCKED_DNC,
  BLOCKED_CAP,
  WINDOW_EXPIRED,
  INVALID_NUMBER,
  /** Not dialed: the organization's credits could not cover the call's reservation. */
  NO_CREDIT,
  /**
   * The call was placed, then Vocero restarted (dev) and neither a stored status callback nor the provider could say how
   * it ended. Never redialed: calling the person again without knowing the outcome is worse than asking an operator.
   */
  INTERRUPTED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Disposition fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
