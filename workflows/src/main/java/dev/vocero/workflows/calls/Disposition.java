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
  NO_CREDIT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Disposition fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
