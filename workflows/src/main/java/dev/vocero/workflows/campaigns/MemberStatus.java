package dev.vocero.workflows.campaigns;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A campaign's batch or wave as the campaign last saw it: new (never touched), held, active, or ended. */
public enum MemberStatus {
  NEW, HELD, ACTIVE, COMPLETED, CANCELLED;

  /** The lowercase form used in payloads, PostgreSQL, the API and the VoceroStatus search attribute. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean ended() {
    return this == COMPLETED || this == CANCELLED;
  }

  @JsonCreator
  public static MemberStatus fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
