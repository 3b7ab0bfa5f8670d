package dev.vocero.api.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.ContactRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchViewsTest {
  private static final UUID ORG = UUID.randomUUID();
  private static final UUID BATCH = UUID.randomUUID();
  private static final Instant T = Instant.parse("2026-12-07T18:21:43Z");

  @Test
  void givenAContactStillInProgress_itsAttemptsShouldCountThePlacedCallsOfItsHistory() {
    ContactRow contact = contact("in_progress", 0);
    List<AttemptRow> history = List.of(attempt(1, "ended", T), attempt(2, "planned", null));

    BatchViews.Call call = BatchViews.Call.of(contact, history, Map.of());

    assertEquals(1, call.attempts(), "one call was placed; the planned one was not");
    assertEquals(2, call.history().size());
  }

  @Test
  void givenAFinishedContact_itsAttemptsShouldBeTheStoredCount() {
    ContactRow contact = contact("done", 2);
    List<AttemptRow> history = List.of(attempt(1, "ended", T), attempt(2, "ended", null));

    assertEquals(2, BatchViews.Call.of(contact, history, Map.of()).attempts());
  }

  private static ContactRow contact(String status, int attempts) {
    return new ContactRow(7, ORG, BATCH, 2, "Ana", List.of("+56955550102"), null, null, "America/Santiago", null,
        null, "{}", status, null, attempts, 1L);
  }

  private static AttemptRow attempt(int number, String status, Instant placedAt) {
    return new AttemptRow(UUID.randomUUID(), ORG, BATCH, 7, number, 0, "+56955550102", "sandbox", null, status, null,
        null, null, null, null, null, null, null, T, placedAt, null, "cl.hours");
  }
}
