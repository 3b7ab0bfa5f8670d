package dev.vocero.domain.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Retell's call object, read. Terminal statuses are {@code ended}, {@code not_connected} and {@code error}; the
 * disposition comes from {@code disconnection_reason} (docs.retellai.com/reliability/debug-call-disconnect).
 *
 * @param disposition null unless {@code terminal}
 * @param durationSeconds null while unknown
 */
public record RetellCallState(String callId, String status, boolean terminal, ProviderDisposition disposition,
                              Long durationSeconds) {

  private static final Set<String> TERMINAL = Set.of("ended", "not_connected", "error");

  public static RetellCallState of(JsonNode call) {
    String status = text(call, "call_status");
    boolean terminal = status != null && TERMINAL.contains(status);
    JsonNode duration = call.path("duration_ms");
    return new RetellCallState(text(call, "call_id"), status, terminal,
        terminal ? disposition(text(call, "disconnection_reason")) : null,
        duration.isNumber() ? Math.round(duration.asLong() / 1000.0) : null);
  }

  static ProviderDisposition disposition(String disconnectionReason) {
    if (disconnectionReason == null) {
      return ProviderDisposition.FAILED;
    }
    return switch (disconnectionReason) {
      case "user_hangup", "agent_hangup", "call_transfer" -> ProviderDisposition.ANSWERED_HUMAN;
      case "voicemail_reached", "machine_detected", "ivr_reached" -> ProviderDisposition.ANSWERED_MACHINE;
      case "dial_no_answer" -> ProviderDisposition.NO_ANSWER;
      case "dial_busy", "user_declined" -> ProviderDisposition.BUSY;
      case "invalid_destination" -> ProviderDisposition.INVALID_NUMBER;
      default -> ProviderDisposition.FAILED;
    };
  }

  /** The field when it is a JSON string, else null. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }
}
