package dev.vocero.domain.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/** Turns a local wall-clock time into the instant the clock first shows it (or passes it). */
final class WallClock {

  private WallClock() {
  }

  /** In a spring-forward gap: the end of the gap; in a fall-back overlap: the earlier occurrence. */
  static Instant firstReaching(LocalDate date, LocalTime time, ZoneId zone) {
    LocalDateTime local = date.atTime(time);
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }
}
