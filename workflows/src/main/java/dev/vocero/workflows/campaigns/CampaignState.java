package dev.vocero.workflows.campaigns;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Campaign states, the same words in PostgreSQL, the API and the VoceroStatus search attribute. */
public enum CampaignState {
  DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, CANCELLED;

  /** The lowercase form used in payloads, PostgreSQL, the API and the VoceroStatus search attribute. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static CampaignState fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
