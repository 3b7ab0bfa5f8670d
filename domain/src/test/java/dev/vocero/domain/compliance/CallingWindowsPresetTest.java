package dev.vocero.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallingWindowsPresetTest {
  private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");
  private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

  private final CallingWindows co = CallingWindows.preset("CO");
  private final CallingWindows us = CallingWindows.preset("US");
  private final CallingWindows es = CallingWindows.preset("ES");
  private final CallingWindows mx = CallingWindows.preset("MX");
  private final CallingWindows cl = CallingWindows.preset("CL");

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static Optional<Instant> instant(String utc) {
    return Optional.of(Instant.parse(utc));
  }

  @Test
  void givenColombiaSaturday_whenAt1459And1500_itShouldAllowOnlyTheFirstAndReopenMonday0700() {
    assertTrue(co.allows(at("2026-02-07T14:59-05:00"), BOGOTA));
    assertFalse(co.allows(at("2026-02-07T15:00-05:00"), BOGOTA));

    assertEquals(instant("2026-02-09T12:00:00Z"), co.nextStart(at("2026-02-07T15:00-05:00"), BOGOTA));
  }

  @Test
  void givenColombiaSaturdayBeforeEmilianiMonday_whenNextStart_itShouldSkipToTuesday0700() {
    // San José falls on Thursday 2026-03-19 and Jollyday moves it to Monday 2026-03-23 (Ley Emiliani).
    assertTrue(co.allows(at("2026-03-19T10:00-05:00"), BOGOTA));
    assertFalse(co.allows(at("2026-03-23T10:00-05:00"), BOGOTA));

    assertEquals(instant("2026-03-24T12:00:00Z"), co.nextStart(at("2026-03-21T15:00-05:00"), BOGOTA));
  }

  @Test
  void givenColombiaSunday_whenNextStart_itShouldBeMonday0700() {
    assertFalse(co.allows(at("2026-02-08T10:00-05:00"), BOGOTA));

    assertEquals(instant("2026-02-09T12:00:00Z"), co.nextStart(at("2026-02-08T10:00-05:00"), BOGOTA));
  }

  @Test
  void givenColombiaHolyThursdayAndGoodFriday_whenNextStart_itShouldSkipBothToSaturday0800() {
    assertFalse(co.allows(at("2026-04-02T09:00-05:00"), BOGOTA));

    assertEquals(instant("2026-04-04T13:00:00Z"), co.nextStart(at("2026-04-01T19:00-05:00"), BOGOTA));
    assertEquals(instant("2026-04-04T13:00:00Z"), co.nextStart(at("2026-04-02T09:00-05:00"), BOGOTA));
  }

  @Test
  void givenColombiaSaturdayMorning_whenWindowEnd_itShouldBe1500AndEmptyOutsideWindows() {
    assertEquals(instant("2026-02-07T20:00:00Z"), co.windowEnd(at("2026-02-07T10:00-05:00"), BOGOTA));
    assertEquals(Optional.empty(), co.windowEnd(at("2026-02-07T15:00-05:00"), BOGOTA));
  }

  @Test
  void givenUs_when2100Local_itShouldBeExcludedAndReopenNextDay0800() {
    assertTrue(us.allows(at("2026-06-15T20:59:59-04:00"), NEW_YORK));
    assertFalse(us.allows(at("2026-06-15T21:00-04:00"), NEW_YORK));

    assertEquals(instant("2026-06-16T12:00:00Z"), us.nextStart(at("2026-06-15T21:00-04:00"), NEW_YORK));
    assertEquals(instant("2026-06-16T01:00:00Z"), us.windowEnd(at("2026-06-15T20:59:59-04:00"), NEW_YORK));
  }

  @Test
  void givenUs_whenIndependenceDaySaturday_itShouldStillAllowCalls() {
    assertTrue(us.allows(at("2026-07-04T10:00-04:00"), NEW_YORK));
  }

  @Test
  void givenAnInstantInsideAWindow_whenNextStart_itShouldReturnThatSameInstant() {
    Instant inside = Instant.parse("2026-06-15T19:17:42.123456789Z");

    assertEquals(Optional.of(inside), us.nextStart(inside, NEW_YORK));
  }

  @Test
  void givenSpainEveOfEpiphany_whenNextStart_itShouldSkipJanuary6ToWednesday0900() {
    assertFalse(es.allows(at("2026-01-06T12:00+01:00"), MADRID));

    assertEquals(instant("2026-01-07T08:00:00Z"), es.nextStart(at("2026-01-05T21:00+01:00"), MADRID));
  }

  @Test
  void givenSpainChristmasEve_whenNextStart_itShouldSkipChristmasAndTheWeekendToMonday0900() {
    assertTrue(es.allows(at("2026-12-24T20:59+01:00"), MADRID));
    assertFalse(es.allows(at("2026-12-25T12:00+01:00"), MADRID));

    assertEquals(instant("2026-12-28T08:00:00Z"), es.nextStart(at("2026-12-24T21:00+01:00"), MADRID));
  }

  @Test
  void givenSpainRegionalHolyThursday_whenAllows_itShouldAllowBecauseOnlyNationalHolidaysCount() {
    assertTrue(es.allows(at("2026-04-02T10:00+02:00"), MADRID));
  }

  @Test
  void givenMexicoSunday_whenAroundTheWindow_itShouldOpenAt0700AndCloseAt2200() {
    assertFalse(mx.allows(at("2026-05-03T06:59-06:00"), MEXICO_CITY));
    assertEquals(instant("2026-05-03T13:00:00Z"), mx.nextStart(at("2026-05-03T06:59-06:00"), MEXICO_CITY));
    assertTrue(mx.allows(at("2026-05-03T21:59-06:00"), MEXICO_CITY));
    assertEquals(instant("2026-05-04T13:00:00Z"), mx.nextStart(at("2026-05-03T22:00-06:00"), MEXICO_CITY));
  }

  @Test
  void givenMexicoIndependenceDay_whenAllows_itShouldAllowBecauseTheMxPresetHasNoHolidays() {
    assertTrue(mx.allows(at("2026-09-16T10:00-06:00"), MEXICO_CITY));
  }

  @Test
  void givenChileSunday_whenNextStart_itShouldBeMonday0800() {
    assertFalse(cl.allows(at("2026-05-10T12:00-04:00"), SANTIAGO));

    assertEquals(instant("2026-05-11T12:00:00Z"), cl.nextStart(at("2026-05-10T12:00-04:00"), SANTIAGO));
  }

  @Test
  void givenChileEveOfNavyDay_whenNextStart_itShouldSkipTheHolidayToFriday0800() {
    assertFalse(cl.allows(at("2026-05-21T10:00-04:00"), SANTIAGO));

    assertEquals(instant("2026-05-22T12:00:00Z"), cl.nextStart(at("2026-05-20T20:00-04:00"), SANTIAGO));
  }

  @Test
  void givenPresetCodesInAnyCase_whenPreset_itShouldDescribeEachJurisdiction() {
    assertEquals("CO: Mon–Fri 07:00–19:00, Sat 08:00–15:00; no Sundays or Colombian holidays",
        CallingWindows.preset("co").describe());
    assertEquals("US: every day 08:00–21:00 (federal TCPA hours)", CallingWindows.preset("Us").describe());
    assertEquals("MX: every day 07:00–22:00", mx.describe());
    assertEquals("ES: Mon–Fri 09:00–21:00; no weekends or Spanish national holidays", es.describe());
    assertEquals("CL: Mon–Sat 08:00–20:00; no Sundays or Chilean holidays", cl.describe());
    assertEquals(List.of("US", "CO", "MX", "ES", "CL"), CallingWindows.presets());
  }

  @Test
  void givenAnUnknownJurisdiction_whenPreset_itShouldListTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CallingWindows.preset("BR"));

    assertEquals("Unknown jurisdiction \"BR\"; valid presets: US, CO, MX, ES, CL", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CallingWindows.preset(null));
  }
}
