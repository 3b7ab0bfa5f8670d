package dev.vocero.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallingWindowsPropertyTest {
  private static final List<ZoneId> ZONES = List.of("America/New_York", "America/Bogota", "America/Mexico_City",
      "Europe/Madrid", "America/Santiago", "Australia/Lord_Howe").stream().map(ZoneId::of).toList();
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = Duration.ofDays(3 * 365).toSeconds();
  private static final Duration STEP = Duration.ofMinutes(5);

  @Test
  void givenRandomInstantsPresetsAndZones_whenNextStart_itShouldBeTheFirstAllowedInstantAtOrAfterThem() {
    Random random = new Random(20260308L);
    List<CallingWindows> presets = CallingWindows.presets().stream().map(CallingWindows::preset).toList();

    for (int i = 0; i < 2_000; i++) {
      CallingWindows windows = presets.get(random.nextInt(presets.size()));
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      Instant x = FROM.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
      String context = windows.describe() + " in " + zone + " from " + x;

      Instant next = windows.nextStart(x, zone).orElseThrow(() -> new AssertionError("none: " + context));

      assertFalse(next.isBefore(x), context);
      assertTrue(windows.allows(next, zone), context);
      for (Instant t = x; t.isBefore(next); t = t.plus(STEP)) {
        assertFalse(windows.allows(t, zone), context + " allowed " + t);
      }
      if (!next.equals(x)) {
        assertFalse(windows.allows(next.minusSeconds(1), zone), context);
      }
      Instant end = windows.windowEnd(next, zone).orElseThrow(() -> new AssertionError("no end: " + context));
      assertTrue(end.isAfter(next), context);
      assertFalse(windows.allows(end, zone), context);
    }
  }
}
