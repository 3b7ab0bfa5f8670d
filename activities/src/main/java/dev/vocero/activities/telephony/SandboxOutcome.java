package dev.vocero.activities.telephony;

import java.util.List;

/** What the sandbox does for a destination, chosen by the number's last digit (table in {@link SandboxTelephony}). */
enum SandboxOutcome {
  ANSWERED_HUMAN, ANSWERED_MACHINE, NO_ANSWER, BUSY, FAILED, INVALID_NUMBER;

  static final int HUMAN_CALL_SECONDS = 42;
  static final int MACHINE_CALL_SECONDS = 20;

  static SandboxOutcome forNumber(String to) {
    char last = to.charAt(to.length() - 1);
    return switch (last) {
      case '1' -> ANSWERED_MACHINE;
      case '2' -> NO_ANSWER;
      case '3' -> BUSY;
      case '4' -> FAILED;
      case '5' -> INVALID_NUMBER;
      default -> ANSWERED_HUMAN;
    };
  }

  /** The status changes after {@code queued}, with real-time waits (before the config's speed). */
  List<SandboxStep> script(int ringSeconds) {
    SandboxStep initiated = SandboxStep.of(0.5, "initiated");
    SandboxStep ringing = SandboxStep.of(1, "ringing");
    return switch (this) {
      case ANSWERED_HUMAN -> answered(initiated, ringing, "human", HUMAN_CALL_SECONDS);
      case ANSWERED_MACHINE -> answered(initiated, ringing, "machine_end_beep", MACHINE_CALL_SECONDS);
      case NO_ANSWER -> List.of(initiated, ringing,
          SandboxStep.of(ringSeconds, "no-answer", "CallDuration", "0", "SipResponseCode", "487"));
      case BUSY -> List.of(initiated, SandboxStep.of(1, "busy", "CallDuration", "0", "SipResponseCode", "486"));
      case FAILED -> List.of(initiated, SandboxStep.of(1, "failed", "CallDuration", "0", "SipResponseCode", "503"));
      case INVALID_NUMBER -> List.of(initiated,
          SandboxStep.of(0.5, "failed", "CallDuration", "0", "SipResponseCode", "404"));
    };
  }

  private static List<SandboxStep> answered(SandboxStep initiated, SandboxStep ringing, String answeredBy,
                                            int seconds) {
    return List.of(initiated, ringing,
        SandboxStep.of(3, "in-progress", "AnsweredBy", answeredBy),
        SandboxStep.of(seconds, "completed", "AnsweredBy", answeredBy, "CallDuration", String.valueOf(seconds),
            "SipResponseCode", "200"));
  }
}
