package dev.vocero.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallingWindowsCustomTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static Instant utc(String instant) {
    return Instant.parse(instant);
  }

  private static Optional<Instant> next(String instant) {
    return Optional.of(Instant.parse(instant));
  }

  private static String rejection(String rule) {
    return assertThrows(IllegalArgumentException.class, () -> CallingWindows.custom(List.of(rule), null))
        .getMessage();
  }

  @Test
  void givenWeekdayAndSaturdayRules_whenSaturdayAfternoon_itShouldCloseAt1400AndReopenMonday0900() {
    CallingWindows office = CallingWindows.custom(List.of("MON-FRI 09:00-18:00", "SAT 10:00-14:00"), null);

    assertTrue(office.allows(utc("2026-06-13T13:59:00Z"), UTC));
    assertFalse(office.allows(utc("2026-06-13T14:00:00Z"), UTC));
    assertEquals(next("2026-06-15T09:00:00Z"), office.nextStart(utc("2026-06-13T14:00:00Z"), UTC));
    assertEquals(next("2026-06-13T14:00:00Z"), office.windowEnd(utc("2026-06-13T10:00:00Z"), UTC));
    assertEquals("custom: Mon–Fri 09:00–18:00, Sat 10:00–14:00", office.describe());
  }

  @Test
  void givenLowercaseEnDashesAndDayLists_whenCustom_itShouldAcceptThem() {
    CallingWindows rules = CallingWindows.custom(List.of("mon,wed–fri 9:00–12:00"), null);

    assertTrue(rules.allows(utc("2026-06-15T09:00:00Z"), UTC));
    assertFalse(rules.allows(utc("2026-06-16T10:00:00Z"), UTC));
    assertEquals("custom: Mon 09:00–12:00, Wed–Fri 09:00–12:00", rules.describe());
  }

  @Test
  void givenOverlappingRules_whenWindowEnd_itShouldMergeThem() {
    CallingWindows rules = CallingWindows.custom(List.of("MON 09:00-12:00", "MON 11:00-14:00"), null);

    assertEquals(next("2026-06-15T14:00:00Z"), rules.windowEnd(utc("2026-06-15T09:30:00Z"), UTC));
    assertEquals("custom: Mon 09:00–14:00", rules.describe());
  }

  @Test
  void givenASplitShift_whenAtLunch_itShouldReopenAt1400SameDay() {
    CallingWindows shifts = CallingWindows.custom(List.of("MON-FRI 09:00-12:00", "MON-FRI 14:00-18:00"), null);

    assertEquals(next("2026-06-15T14:00:00Z"), shifts.nextStart(utc("2026-06-15T12:00:00Z"), UTC));
    assertEquals(next("2026-06-15T12:00:00Z"), shifts.windowEnd(utc("2026-06-15T11:00:00Z"), UTC));
    assertEquals("custom: Mon–Fri 09:00–12:00 and 14:00–18:00", shifts.describe());
  }

  @Test
  void givenInvalidRules_whenCustom_itShouldNameTheRuleAndTheProblem() {
    assertEquals("Invalid calling rule \"FUNDAY 09:00-18:00\": unknown day \"FUNDAY\"; use MON, TUE, WED, THU, FRI,"
        + " SAT, SUN or ranges like MON-FRI", rejection("FUNDAY 09:00-18:00"));
    assertEquals("Invalid calling rule \"MON 18:00-09:00\": end 09:00 must be after start 18:00"
        + " (windows cannot cross midnight)", rejection("MON 18:00-09:00"));
    assertEquals("Invalid calling rule \"MON 09:00-09:00\": end 09:00 must be after start 09:00"
        + " (windows cannot cross midnight)", rejection("MON 09:00-09:00"));
    assertEquals("Invalid calling rule \"MON-FRI 09:00-25:00\": \"25:00\" is not a time between 00:00 and 23:59",
        rejection("MON-FRI 09:00-25:00"));
    assertEquals("Invalid calling rule \"FRI-MON 09:00-10:00\": day range \"FRI-MON\" runs backwards;"
        + " weeks go MON to SUN", rejection("FRI-MON 09:00-10:00"));
    assertEquals("Invalid calling rule \"MON 9-18\": expected days and hours like \"MON-FRI 09:00-18:00\""
        + " or \"SAT 10:00-14:00\"", rejection("MON 9-18"));
    assertTrue(rejection("").startsWith("Invalid calling rule \"\": expected"));
    assertTrue(rejection("MON,,TUE 09:00-10:00").contains("unknown day \"\""));
  }

  @Test
  void givenANullRule_whenCustom_itShouldRejectIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CallingWindows.custom(Arrays.asList("MON 09:00-10:00", null), null));

    assertTrue(e.getMessage().startsWith("Invalid calling rule null"));
  }

  @Test
  void givenNoRules_whenNextStart_itShouldBeEmptyAndNothingAllowed() {
    CallingWindows never = CallingWindows.custom(List.of(), null);

    assertEquals(Optional.empty(), never.nextStart(utc("2026-06-15T12:00:00Z"), UTC));
    assertFalse(never.allows(utc("2026-06-15T12:00:00Z"), UTC));
    assertEquals(Optional.empty(), never.windowEnd(utc("2026-06-15T12:00:00Z"), UTC));
    assertEquals("custom: no calling days", never.describe());
  }

  @Test
  void givenAHolidayCountry_whenCustom_itShouldSkipThatCountrysHolidays() {
    CallingWindows office = CallingWindows.custom(List.of("MON-FRI 09:00-18:00"), "co");
    ZoneId bogota = ZoneId.of("America/Bogota");

    assertFalse(office.allows(utc("2026-03-23T15:00:00Z"), bogota));
    assertEquals(next("2026-03-24T14:00:00Z"), office.nextStart(utc("2026-03-23T15:00:00Z"), bogota));
    assertEquals("custom: Mon–Fri 09:00–18:00; no CO public holidays", office.describe());
  }

  @Test
  void givenMexicanHolidays_whenCustom_itShouldSkipPublicHolidaysButNotObservances() {
    CallingWindows office = CallingWindows.custom(List.of("MON-FRI 09:00-18:00"), "MX");
    ZoneId mexicoCity = ZoneId.of("America/Mexico_City");

    assertTrue(office.allows(utc("2026-02-24T16:00:00Z"), mexicoCity));
    assertFalse(office.allows(utc("2026-09-16T16:00:00Z"), mexicoCity));
  }

  @Test
  void givenAnUnknownOrNonCountryCalendar_whenCustom_itShouldRejectIt() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> CallingWindows.custom(List.of("MON 09:00-10:00"), "XX"));
    IllegalArgumentException exchange = assertThrows(IllegalArgumentException.class,
        () -> CallingWindows.custom(List.of("MON 09:00-10:00"), "NYSE"));

    assertTrue(unknown.getMessage().startsWith("Unknown holiday country \"XX\"; use an ISO alpha-2 code"));
    assertTrue(unknown.getMessage().contains("CO, "));
    assertTrue(exchange.getMessage().startsWith("Unknown holiday country \"NYSE\""));
  }

  @Test
  void givenABlankHolidayCountry_whenCustom_itShouldExcludeNoHolidays() {
    CallingWindows office = CallingWindows.custom(List.of("MON-FRI 09:00-18:00"), " ");

    assertTrue(office.allows(utc("2026-12-25T12:00:00Z"), UTC));
  }
}
