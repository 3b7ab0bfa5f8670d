package dev.vocero.workflows.audio;

import java.util.Locale;

/** The lifecycle of one audio, mirrored into PostgreSQL and the VoceroStatus search attribute. */
public enum AudioStatus {
  QUEUED,
  TRANSCRIBING,
  ANALYZING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** The lowercase form used in PostgreSQL, the API and search attributes. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean terminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  public static AudioStatus fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
