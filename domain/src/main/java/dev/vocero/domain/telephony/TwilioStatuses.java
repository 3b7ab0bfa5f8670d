package dev.vocero.domain.telephony;

import java.util.Locale;
import java.util.Set;

/** Twilio's CallStatus / AnsweredBy / SipResponseCode words mapped to a {@link ProviderDisposition}. */
public final class TwilioStatuses {

  private static final Set<String> TERMINAL = Set.of("completed", "busy", "no-answer", "canceled", "failed");
  private static final Set<String> MACHINE = Set.of("machine_start", "machine_end_beep", "machine_end_silence",
      "machine_end_other", "fax");
  /** SIP "not found", "address incomplete", "does not exist anywhere". */
  private static final Set<String> INVALID_SIP = Set.of("404", "484", "604");
  /** Call error codes that mean the number itself is wrong (13224 Dial: invalid number, 21211/21217 invalid To). */
  private static final Set<Integer> INVALID_NUMBER_CODES = Set.of(13224, 21211, 21217);

  private TwilioStatuses() {
  }

  /** True for completed, busy, no-answer, canceled and failed; false for queued, initiated, ringing, in-progress. */
  public static boolean terminal(String callStatus) {
    return callStatus != null && TERMINAL.contains(normalize(callStatus));
  }

  /** The disposition of a terminal status; null for a non-terminal or unknown one. */
  public static ProviderDisposition disposition(String callStatus, String answeredBy, String sipResponseCode) {
    return disposition(callStatus, answeredBy, sipResponseCode, null);
  }

  /** As {@link #disposition(String, String, String)}, also reading Twilio's ErrorCode of a failed call. */
  public static ProviderDisposition disposition(String callStatus, String answeredBy, String sipResponseCode,
                                        Integer errorCode) {
    if (!terminal(callStatus)) {
      return null;
    }
    return switch (normalize(callStatus)) {
      case "completed" -> answeredBy != null && MACHINE.contains(normalize(answeredBy))
          ? ProviderDisposition.ANSWERED_MACHINE : ProviderDisposition.ANSWERED_HUMAN;
      case "busy" -> ProviderDisposition.BUSY;
      case "no-answer" -> ProviderDisposition.NO_ANSWER;
      case "canceled" -> ProviderDisposition.CANCELED;
      default -> invalidNumber(sipResponseCode, errorCode) ? ProviderDisposition.INVALID_NUMBER : ProviderDisposition.FAILED;
    };
  }

  private static boolean invalidNumber(String sipResponseCode, Integer errorCode) {
    return (sipResponseCode != null && INVALID_SIP.contains(sipResponseCode.trim()))
        || (errorCode != null && INVALID_NUMBER_CODES.contains(errorCode));
  }

  private static String normalize(String word) {
    return word.trim().toLowerCase(Locale.ROOT);
  }
}
