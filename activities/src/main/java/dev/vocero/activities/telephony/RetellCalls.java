package dev.vocero.activities.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.domain.telephony.RetellCallState;

/** Retell's call object mapped to {@link CallStatusInfo} (the reading itself is {@link RetellCallState}). */
public final class RetellCalls {

  private RetellCalls() {
  }

  public static CallStatusInfo status(JsonNode call) {
    RetellCallState state = RetellCallState.of(call);
    return new CallStatusInfo(state.callId(), state.status(), state.terminal(),
        CallStatusInfo.disposition(state.disposition()), state.durationSeconds(), null);
  }

  static String text(JsonNode node, String field) {
    return RetellCallState.text(node, field);
  }
}
