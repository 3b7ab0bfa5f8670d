package dev.vocero.workflows.calls;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where one contact's call workflow stands, as its progress and the VoceroStatus search attribute say it. */
public enum ContactState {
  WAITING, DIALING, IN_CALL, RETRY_WAIT, RECORDING, DONE;

  /** The lowercase form used in payloads, PostgreSQL, the API and the VoceroStatus search attribute. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ContactState fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
