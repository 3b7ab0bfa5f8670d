package dev.vocero.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.focus_shift.jollyday.core.HolidayCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublicHolidaysTest {

  @Test
  void givenTheSameCountryTwice_whenOf_itShouldReuseOneManager() {
    assertSame(PublicHolidays.of(HolidayCalendar.COLOMBIA), PublicHolidays.of(" Co "));
  }

  @Test
  void givenColombia_whenAHolidayIsMovedToMonday_itShouldCountTheMondayOnly() {
    PublicHolidays co = PublicHolidays.of(HolidayCalendar.COLOMBIA);

    assertTrue(co.contains(LocalDate.of(2026, 1, 12)));
    assertFalse(co.contains(LocalDate.of(2026, 1, 6)));
  }

  @Test
  void givenSpainWithoutARegion_whenContains_itShouldKnowNationalHolidaysOnly() {
    PublicHolidays es = PublicHolidays.of(HolidayCalendar.SPAIN);

    assertTrue(es.contains(LocalDate.of(2026, 1, 6)));
    assertTrue(es.contains(LocalDate.of(2026, 12, 25)));
    assertFalse(es.contains(LocalDate.of(2026, 4, 2)));
  }

  @Test
  void givenManyThreadsAndAFreshYear_whenContains_itShouldAgreeWithASingleThread() {
    PublicHolidays cl = PublicHolidays.of(HolidayCalendar.CHILE);

    long parallel = LocalDate.of(2031, 1, 1).datesUntil(LocalDate.of(2032, 1, 1)).parallel()
        .filter(cl::contains).count();
    long sequential = LocalDate.of(2031, 1, 1).datesUntil(LocalDate.of(2032, 1, 1))
        .filter(cl::contains).count();

    assertTrue(parallel > 10);
    assertTrue(parallel == sequential);
  }
}
