package dev.vocero.domain.compliance;

import java.time.LocalTime;

/** Wall-clock hours within one day during which a call may start; {@code end} is exclusive. */
record DailyWindow(LocalTime start, LocalTime end) {

  DailyWindow {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " must be after start " + start);
    }
  }

  boolean overlapsOrTouches(DailyWindow other) {
    return !start.isAfter(other.end) && !other.start.isAfter(end);
  }

  DailyWindow union(DailyWindow other) {
    LocalTime s = start.isBefore(other.start) ? start : other.start;
    LocalTime e = end.isAfter(other.end) ? end : other.end;
    return new DailyWindow(s, e);
  }

  @Override
  public String toString() {
    return start + "–" + end;
  }
}
