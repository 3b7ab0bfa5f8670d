package dev.vocero.workflows.calls;

import java.util.Locale;

/** What follows an attempt; stored beside its outcome. */
public enum NextStep {
  RETRY, NEXT_NUMBER, DONE;

  /**
   * A human answer, a cancel or the last attempt ends the contact; a bad or failed number moves to the next one;
   * any other disposition is retried when the batch's settings give it a retry delay.
   */
  public static NextStep after(Disposition disposition, int attempt, BatchSettings settings, boolean cancelled) {
    if (cancelled || disposition == Disposition.ANSWERED_HUMAN || attempt >= settings.maxAttempts()) {
      return DONE;
    }
    if (disposition == Disposition.INVALID_NUMBER || disposition == Disposition.FAILED) {
      return NEXT_NUMBER;
    }
    return settings.retryDelayFor(disposition) >= 0 ? RETRY : DONE;
  }

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
