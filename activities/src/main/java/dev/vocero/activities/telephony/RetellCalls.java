package dev.vocero.activities.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.workflows.calls.Disposition;
import java.util.Set;

/**
 * Retell's call object mapped to {@link CallStatusInfo}. Terminal statuses are {@code ended}, {@code not_connected}
 * and {@code error}; the disposition comes from {@code disconnection_reason}
 * (docs.retellai.com/reliability/debug-call-disconnect).
 */
public final class RetellCalls {

  private static final Set<String> TERMINAL = Set.of("ended", "not_connected", "error");

  private RetellCalls() {
  }

  public static CallStatusInfo status(JsonNode call) {
    String status = text(call, "call_status");
    boolean terminal = status != null && TERMINAL.contains(status);
    JsonNode duration = call.path("duration_ms");
    return new CallStatusInfo(text(call, "call_id"), status, terminal,
        terminal ? disposition(text(call, "disconnection_reason")) : null,
        duration.isNumber() ? Math.round(duration.asLong() / 1000.0) : null, null);
  }

  static Disposition disposition(String disconnectionReason) {
    if (disconnectionReason == null) {
      return Disposition.FAILED;
    }
    return switch (disconnectionReason) {
      case "user_hangup", "agent_hangup", "call_transfer" -> Disposition.ANSWERED_HUMAN;
      case "voicemail_reached", "machine_detected", "ivr_reached" -> Disposition.ANSWERED_MACHINE;
      case "dial_no_answer" -> Disposition.NO_ANSWER;
      case "dial_busy", "user_declined" -> Disposition.BUSY;
      case "invalid_destination" -> Disposition.INVALID_NUMBER;
      default -> Disposition.FAILED;
    };
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }
}
