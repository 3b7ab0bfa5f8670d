package dev.vocero.workflows.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignCalendarTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static CampaignCalendar calendar(String from, String to, List<String> days, String start, String end) {
    return new CampaignCalendar(new CampaignSchedule(from, to, days, start, end, NEW_YORK.getId()));
  }

  @Test
  void givenAWindowAcrossTheSpringForwardNight_itShouldKeepTheLocalWallClock() {
    CampaignCalendar calendar = calendar("2026-03-06", "2026-03-10", List.of("FRIDAY", "MONDAY"), "09:00", "17:00");
    Instant friday = LocalDateTime.of(2026, 3, 6, 18, 0).atZone(NEW_YORK).toInstant();

    CampaignCalendar.Window monday = calendar.next(friday).orElseThrow();

    assertEquals(LocalDate.of(2026, 3, 9), monday.date(), "weekend skipped");
    assertEquals(Instant.parse("2026-03-09T13:00:00Z"), monday.start(), "09:00 EDT after the change (UTC-4)");
    CampaignCalendar.Window fridayWindow = calendar.window(LocalDate.of(2026, 3, 6));
    assertEquals(Instant.parse("2026-03-06T14:00:00Z"), fridayWindow.start(), "09:00 EST before it (UTC-5)");
  }

  @Test
  void givenAWindowStartingInsideTheDstGap_itShouldOpenAtTheFirstValidInstant() {
    CampaignCalendar calendar = calendar("2026-03-08", "2026-03-08", List.of("SUNDAY"), "02:30", "04:00");
    CampaignCalendar.Window window = calendar.window(LocalDate.of(2026, 3, 8));
    assertEquals(Instant.parse("2026-03-08T07:30:00Z"), window.start(), "02:30 does not exist: 03:30 EDT");
    assertEquals(Duration.ofMinutes(30), Duration.between(window.start(), window.end()));
  }

  @Test
  void givenNowInsideAWindow_itShouldReturnThatWindow_andNothingAfterTheLastDay() {
    CampaignCalendar calendar = calendar("2026-03-02", "2026-03-03", List.of("MONDAY", "TUESDAY"), "09:00", "17:00");
    Instant mondayNoon = LocalDateTime.of(2026, 3, 2, 12, 0).atZone(NEW_YORK).toInstant();
    assertEquals(LocalDate.of(2026, 3, 2), calendar.next(mondayNoon).orElseThrow().date());
    Instant tuesdayEvening = LocalDateTime.of(2026, 3, 3, 17, 0).atZone(NEW_YORK).toInstant();
    assertTrue(calendar.next(tuesdayEvening).isEmpty());
  }
}
