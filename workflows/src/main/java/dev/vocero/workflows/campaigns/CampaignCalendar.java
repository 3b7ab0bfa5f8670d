package dev.vocero.workflows.campaigns;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The campaign's active windows as instants. Local times go through {@link ZonedDateTime}, so a window keeps its wall
 * clock across DST changes (a start inside a spring-forward gap moves to the first valid instant after it).
 */
public final class CampaignCalendar {
  private final LocalDate startDate;
  private final LocalDate endDate;
  private final Set<DayOfWeek> weekdays;
  private final LocalTime windowStart;
  private final LocalTime windowEnd;
  private final ZoneId zone;

  public record Window(LocalDate date, Instant start, Instant end) {}

  public CampaignCalendar(CampaignSchedule schedule) {
    this.startDate = LocalDate.parse(schedule.startDate());
    this.endDate = LocalDate.parse(schedule.endDate());
    this.weekdays = EnumSet.noneOf(DayOfWeek.class);
    schedule.weekdays().forEach(d -> weekdays.add(DayOfWeek.valueOf(d)));
    this.windowStart = LocalTime.parse(schedule.windowStart());
    this.windowEnd = LocalTime.parse(schedule.windowEnd());
    this.zone = ZoneId.of(schedule.timeZone());
  }

  /** The window in progress at {@code now}, or the next one; empty when the campaign has no window left. */
  public Optional<Window> next(Instant now) {
    LocalDate day = now.atZone(zone).toLocalDate();
    if (day.isBefore(startDate)) {
      day = startDate;
    }
    for (; !day.isAfter(endDate); day = day.plusDays(1)) {
      if (!weekdays.contains(day.getDayOfWeek())) {
        continue;
      }
      Window window = window(day);
      if (window.end().isAfter(now)) {
        return Optional.of(window);
      }
    }
    return Optional.empty();
  }

  public Window window(LocalDate day) {
    return new Window(day, ZonedDateTime.of(day, windowStart, zone).toInstant(),
        ZonedDateTime.of(day, windowEnd, zone).toInstant());
  }

  public ZoneId zone() {
    return zone;
  }
}
