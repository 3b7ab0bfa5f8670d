package dev.vocero.domain.compliance;

import java.util.Locale;

/** How a person is contacted; the wire names are those of the calls table and the message list. */
public enum ContactChannel {
  CALL, SMS, WHATSAPP;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ContactChannel fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
