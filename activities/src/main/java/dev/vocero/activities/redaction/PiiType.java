package dev.vocero.activities.redaction;

import java.util.Locale;

/** What a placeholder stands for; earlier types win where matches overlap. */
public enum PiiType {
  EMAIL, CARD, ID, PHONE;

  public String placeholder() {
    return "[" + name() + "]";
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
