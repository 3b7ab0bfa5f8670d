package dev.vocero.workflows.messaging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The messaging channel of a wave, and the key of its daily quota. */
public enum Channel {
  SMS, WHATSAPP;

  /** The lowercase form used in payloads, PostgreSQL, the API and the VoceroStatus search attribute. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Channel fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
