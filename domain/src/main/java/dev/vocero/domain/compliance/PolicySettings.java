package dev.vocero.domain.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A batch's own contact limits on top of its jurisdiction's policy (docs/compliance/README.md, "Tightening"). Null
 * fields leave the policy as it is. Without {@code override} every value must be at least as strict as the policy; with
 * it (an admin's written reason) the values replace the policy's rules of the same kind.
 */
public record PolicySettings(Integer callsPerDay, Integer callsPerWeek, Integer messagesPerDay,
    Integer messagesPerWeek, Integer minHoursBetweenCalls, Integer minHoursBetweenMessages, List<String> windows,
    Override override) {

  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** An explicit, audited loosening: who may set it is the caller's business (admins only in the API). */
  public record Override(String reason) {}

  public boolean overridden() {
    return override != null;
  }

  public boolean empty() {
    return callsPerDay == null && callsPerWeek == null && messagesPerDay == null && messagesPerWeek == null
        && minHoursBetweenCalls == null && minHoursBetweenMessages == null && (windows == null || windows.isEmpty())
        && override == null;
  }

  /** The stored JSON (a batch's {@code contact_policy} column); null or blank is none. */
  public static PolicySettings fromJson(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return JSON.readValue(json, PolicySettings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored contact policy settings are not valid JSON", e);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
