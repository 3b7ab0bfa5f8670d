package dev.vocero.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 2026 transitions from the tz data: New York 03-08 07:00Z (gap) and 11-01 06:00Z (overlap); Santiago 04-05 03:00Z
 * (overlap, Sat 24:00 -03 back to 23:00 -04) and 09-06 04:00Z (gap, Sat 24:00 -04 to Sun 01:00 -03); Madrid 03-29
 * 01:00Z (gap) and 10-25 01:00Z (overlap).
 */
class CallingWindowsDstTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  private final CallingWindows us = CallingWindows.preset("US");

  private static Instant utc(String instant) {
    return Instant.parse(instant);
  }

  private static Optional<Instant> next(String instant) {
    return Optional.of(Instant.parse(instant));
  }

  @Test
  void givenNewYorkSpringForwardDay_whenBeforeTheWindow_itShouldOpenAt0800Edt() {
    assertEquals(next("2026-03-08T12:00:00Z"), us.nextStart(utc("2026-03-08T11:59:00Z"), NEW_YORK));
    assertEquals(next("2026-03-08T12:00:00Z"), us.nextStart(utc("2026-03-08T06:30:00Z"), NEW_YORK));
    assertEquals(next("2026-03-08T12:00:00Z"), us.nextStart(utc("2026-03-08T02:00:00Z"), NEW_YORK));
    assertFalse(us.allows(utc("2026-03-08T11:59:59Z"), NEW_YORK));
  }

  @Test
  void givenNewYorkSpringForwardDay_whenWindowEnd_itShouldBe2100Edt() {
    assertEquals(next("2026-03-09T01:00:00Z"), us.windowEnd(utc("2026-03-08T12:00:00Z"), NEW_YORK));
    assertTrue(us.allows(utc("2026-03-07T13:00:00Z"), NEW_YORK));
    assertFalse(us.allows(utc("2026-03-07T12:30:00Z"), NEW_YORK));
  }

  @Test
  void givenNewYorkFallBackDay_whenInEitherCopyOfTheRepeatedHour_itShouldOpenAt0800Est() {
    assertEquals(next("2026-11-01T13:00:00Z"), us.nextStart(utc("2026-11-01T05:30:00Z"), NEW_YORK));
    assertEquals(next("2026-11-01T13:00:00Z"), us.nextStart(utc("2026-11-01T06:30:00Z"), NEW_YORK));
    assertEquals(next("2026-11-01T13:00:00Z"), us.nextStart(utc("2026-11-01T01:00:00Z"), NEW_YORK));
    assertFalse(us.allows(utc("2026-11-01T12:00:00Z"), NEW_YORK));
    assertFalse(us.allows(utc("2026-11-01T12:59:59Z"), NEW_YORK));
  }

  @Test
  void givenNewYorkFallBackDay_whenWindowEnd_itShouldBe2100Est() {
    assertEquals(next("2026-11-02T02:00:00Z"), us.windowEnd(utc("2026-11-01T13:00:00Z"), NEW_YORK));
    assertFalse(us.allows(utc("2026-11-02T02:00:00Z"), NEW_YORK));
  }

  @Test
  void givenAWindowStartInsideTheSpringForwardGap_whenNextStart_itShouldOpenWhenTheGapEnds() {
    CallingWindows early = CallingWindows.custom(List.of("SUN 02:30-05:00"), null);

    assertFalse(early.allows(utc("2026-03-08T06:59:59Z"), NEW_YORK));
    assertEquals(next("2026-03-08T07:00:00Z"), early.nextStart(utc("2026-03-08T05:00:00Z"), NEW_YORK));
    assertEquals(next("2026-03-08T09:00:00Z"), early.windowEnd(utc("2026-03-08T07:00:00Z"), NEW_YORK));
  }

  @Test
  void givenTwoWindowsJoinedByTheSpringForwardGap_whenWindowEnd_itShouldReturnTheEndOfTheSecond() {
    CallingWindows split = CallingWindows.custom(List.of("SUN 01:00-02:30", "SUN 03:00-04:00"), null);

    assertEquals(next("2026-03-08T08:00:00Z"), split.windowEnd(utc("2026-03-08T06:30:00Z"), NEW_YORK));
  }

  @Test
  void givenAWindowEndingInTheRepeatedHour_whenTheClockFallsBack_itShouldNotReopen() {
    CallingWindows night = CallingWindows.custom(List.of("SUN 00:00-01:30"), null);

    assertTrue(night.allows(utc("2026-11-01T05:29:00Z"), NEW_YORK));
    assertFalse(night.allows(utc("2026-11-01T05:30:00Z"), NEW_YORK));
    assertFalse(night.allows(utc("2026-11-01T06:15:00Z"), NEW_YORK));
    assertEquals(next("2026-11-01T05:30:00Z"), night.windowEnd(utc("2026-11-01T04:00:00Z"), NEW_YORK));
    assertEquals(next("2026-11-08T05:00:00Z"), night.nextStart(utc("2026-11-01T06:15:00Z"), NEW_YORK));
  }

  @Test
  void givenAWindowStartingInTheRepeatedHour_whenTheClockFallsBack_itShouldOpenOnceAtTheFirstOccurrence() {
    CallingWindows night = CallingWindows.custom(List.of("SUN 01:30-03:00"), null);

    assertEquals(next("2026-11-01T05:30:00Z"), night.nextStart(utc("2026-11-01T05:00:00Z"), NEW_YORK));
    assertTrue(night.allows(utc("2026-11-01T06:15:00Z"), NEW_YORK));
    assertEquals(next("2026-11-01T08:00:00Z"), night.windowEnd(utc("2026-11-01T06:15:00Z"), NEW_YORK));
  }

  @Test
  void givenChileHolyWeekAndTheAprilFallBack_whenNextStart_itShouldReopenMonday0800AtMinus4() {
    CallingWindows cl = CallingWindows.preset("CL");

    assertEquals(next("2026-04-06T12:00:00Z"), cl.nextStart(utc("2026-04-02T23:00:00Z"), SANTIAGO));
    assertFalse(cl.allows(utc("2026-04-06T11:59:00Z"), SANTIAGO));
    assertFalse(cl.allows(utc("2026-04-04T14:00:00Z"), SANTIAGO));
  }

  @Test
  void givenChileSaturdayBeforeTheSeptemberSpringForward_whenNextStart_itShouldReopenMonday0800AtMinus3() {
    CallingWindows cl = CallingWindows.preset("CL");

    assertTrue(cl.allows(utc("2026-09-05T23:59:00Z"), SANTIAGO));
    assertEquals(next("2026-09-06T00:00:00Z"), cl.windowEnd(utc("2026-09-05T23:59:00Z"), SANTIAGO));
    assertEquals(next("2026-09-07T11:00:00Z"), cl.nextStart(utc("2026-09-06T00:00:00Z"), SANTIAGO));
  }

  @Test
  void givenAMidnightWindowOnChilesMissingMidnight_whenNextStart_itShouldOpenAt0100Minus3() {
    CallingWindows night = CallingWindows.custom(List.of("SUN 00:00-02:00"), null);

    assertEquals(next("2026-09-06T04:00:00Z"), night.nextStart(utc("2026-09-06T03:00:00Z"), SANTIAGO));
    assertEquals(next("2026-09-06T05:00:00Z"), night.windowEnd(utc("2026-09-06T04:00:00Z"), SANTIAGO));
  }

  @Test
  void givenMadridFridayEvenings_whenClocksChangeOverTheWeekend_itShouldReopenMonday0900InTheNewOffset() {
    CallingWindows es = CallingWindows.preset("ES");

    assertEquals(next("2026-03-30T07:00:00Z"), es.nextStart(utc("2026-03-27T20:00:00Z"), MADRID));
    assertEquals(next("2026-10-26T08:00:00Z"), es.nextStart(utc("2026-10-23T19:00:00Z"), MADRID));
    assertEquals(next("2026-10-26T20:00:00Z"), es.windowEnd(utc("2026-10-26T08:00:00Z"), MADRID));
  }
}
