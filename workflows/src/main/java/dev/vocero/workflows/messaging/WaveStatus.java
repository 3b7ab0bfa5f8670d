package dev.vocero.workflows.messaging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of a message wave's workflow, as its progress and PostgreSQL say it. */
public enum WaveStatus {
  RUNNING, PAUSED, COMPLETED, CANCELLED;

  /** The lowercase form used in payloads, PostgreSQL, the API and the VoceroStatus search attribute. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static WaveStatus fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
