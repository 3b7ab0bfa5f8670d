package dev.vocero.activities.messaging;

import java.util.ArrayList;
import java.util.List;

/** What the messaging sandbox does for a destination, chosen by its last digit (table in {@link SandboxMessaging}). */
enum SandboxMessageOutcome {
  DELIVERED, REPLIES_OPT_OUT, UNDELIVERED, BUSY_ONCE, UNSUBSCRIBED, INVALID_NUMBER, REPLIES;

  static final String OPT_OUT_REPLY = "BAJA";
  static final String REPLY = "Gracias, ya realicé el pago.";

  static SandboxMessageOutcome forNumber(String to) {
    return switch (to.charAt(to.length() - 1)) {
      case '1' -> REPLIES_OPT_OUT;
      case '2' -> UNDELIVERED;
      case '3' -> BUSY_ONCE;
      case '4' -> UNSUBSCRIBED;
      case '5' -> INVALID_NUMBER;
      case '9' -> REPLIES;
      default -> DELIVERED;
    };
  }

  /** One status callback: its MessageStatus, ErrorCode (or null) and the seconds after the previous one. */
  record Step(double afterSeconds, String status, String errorCode) {}

  List<Step> script(boolean whatsapp) {
    List<Step> steps = new ArrayList<>(List.of(new Step(0.2, "queued", null), new Step(1, "sent", null)));
    if (this == UNDELIVERED) {
      steps.add(new Step(2, "undelivered", "30003"));
      return steps;
    }
    steps.add(new Step(2, "delivered", null));
    if (whatsapp) {
      steps.add(new Step(5, "read", null));
    }
    return steps;
  }

  /** The contact's reply after the last status, or null. */
  String reply() {
    return switch (this) {
      case REPLIES_OPT_OUT -> OPT_OUT_REPLY;
      case REPLIES -> REPLY;
      default -> null;
    };
  }
}
