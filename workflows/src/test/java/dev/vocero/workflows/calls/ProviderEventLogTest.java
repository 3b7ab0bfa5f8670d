package dev.vocero.workflows.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProviderEventLogTest {
  private static final UUID ATTEMPT = new UUID(7, 1);

  private final ProviderEventLog log = new ProviderEventLog();

  @Test
  void givenATerminalEvent_whenEarlierOrLaterNonTerminalsArrive_itShouldStayFinal() {
    ProviderEvent completed = event("k3", 3, "completed", Disposition.ANSWERED_HUMAN);

    assertTrue(log.record(ATTEMPT, completed));
    assertFalse(log.record(ATTEMPT, event("k1", 1, "ringing", null)));
    assertFalse(log.record(ATTEMPT, event("k4", 4, "in-progress", null)));
    assertFalse(log.record(ATTEMPT, event("k5", 5, "busy", Disposition.BUSY)));

    assertEquals(completed, log.terminalFor(ATTEMPT));
    assertEquals(completed, log.latestFor(ATTEMPT));
  }

  @Test
  void givenNonTerminalEventsOutOfOrder_whenRecorded_itShouldKeepTheHighestSequence() {
    ProviderEvent inProgress = event("k2", 2, "in-progress", null);

    log.record(ATTEMPT, inProgress);
    log.record(ATTEMPT, event("k1", 1, "ringing", null));

    assertNull(log.terminalFor(ATTEMPT));
    assertEquals(inProgress, log.latestFor(ATTEMPT));
  }

  @Test
  void givenTheSameEventKeyTwice_whenRecorded_itShouldIgnoreTheDuplicate() {
    assertTrue(log.record(ATTEMPT, event("k1", 1, "ringing", null)));
    assertFalse(log.record(ATTEMPT, event("k1", 1, "ringing", null)));
  }

  @Test
  void givenAnEventOfAnotherAttempt_whenRecorded_itShouldNotTouchThisAttempt() {
    log.record(new UUID(7, 2), event("k9", 9, "busy", Disposition.BUSY));

    assertNull(log.terminalFor(ATTEMPT));
  }

  @Test
  void givenMoreKeysThanTheBound_whenRecorded_itShouldForgetTheOldestOnly() {
    for (int i = 0; i <= ProviderEventLog.MAX_KEYS; i++) {
      log.record(new UUID(8, i % 10), event("key-" + i, i, "ringing", null));
    }

    assertTrue(log.record(new UUID(8, 100), event("key-0", 0, "ringing", null)), "the oldest key was forgotten");
    assertFalse(log.record(new UUID(8, 100), event("key-" + ProviderEventLog.MAX_KEYS, 1, "ringing", null)));
  }

  private static ProviderEvent event(String key, int sequence, String status, Disposition disposition) {
    return new ProviderEvent(key, "fake", ATTEMPT, "CA1", sequence, status, disposition != null, disposition, null);
  }
}
