package dev.vocero.store.messaging;

import java.util.Locale;

/** Twilio's MessageStatus words as our message states. */
public final class MessageStates {
  private MessageStates() {}

  /**
   * accepted, scheduled, queued and sending are "processing" (the provider has it, nothing left yet); undelivered and
   * failed are "failed"; canceled is "cancelled"; unknown words are null (stored, state untouched).
   */
  public static String fromTwilio(String status) {
    if (status == null) {
      return null;
    }
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "accepted", "scheduled", "queued", "sending" -> "processing";
      case "sent" -> "sent";
      case "delivered" -> "delivered";
      case "read" -> "read";
      case "undelivered", "failed" -> "failed";
      case "canceled" -> "cancelled";
      default -> null;
    };
  }
}
