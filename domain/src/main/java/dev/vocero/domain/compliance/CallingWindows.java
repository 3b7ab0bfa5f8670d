package dev.vocero.domain.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a call may start, in the contact's local time: weekly hours plus, optionally, a country's public holidays.
 * Immutable and thread-safe; it never reads the clock.
 *
 * <p>Local times resolve to the instant the wall clock first reaches them: a window start inside a spring-forward gap
 * opens when the gap ends, and a time repeated by a fall-back overlap counts once, at its first occurrence.
 */
public final class CallingWindows {
  private static final int SEARCH_DAYS = 60;

  private final String name;
  private final WeeklySchedule schedule;
  private final PublicHolidays holidays;
  private final String note;

  private CallingWindows(String name, WeeklySchedule schedule, PublicHolidays holidays, String note) {
    this.name = name;
    this.schedule = schedule;
    this.holidays = holidays;
    this.note = note;
  }

  /**
   * Presets: "US" (every day 08:00–21:00 local, federal TCPA), "CO" (Mon–Fri 07:00–19:00, Sat 08:00–15:00, no Sundays,
   * no Colombian holidays), "MX" (every day 07:00–22:00), "ES" (Mon–Fri 09:00–21:00, no Spanish national holidays),
   * "CL" (Mon–Sat 08:00–20:00, and Chilean public holidays are excluded too). Case-insensitive.
   *
   * @throws IllegalArgumentException for an unknown jurisdiction, listing the valid ones
   */
  public static CallingWindows preset(String jurisdiction) {
    Jurisdiction j = Jurisdiction.of(jurisdiction);
    return new CallingWindows(j.name(), j.schedule(), j.holidays().orElse(null), j.note());
  }

  /**
   * Custom rules like "MON-FRI 09:00-18:00", "SAT 10:00-14:00" or "MON,WED 09:00-12:00"; end after start, same day.
   * Overlapping rules merge. {@code holidayCountry} (ISO alpha-2, nullable) excludes that country's public holidays.
   *
   * @throws IllegalArgumentException naming the first invalid rule, or for a country Jollyday does not know
   */
  public static CallingWindows custom(List<String> rules, String holidayCountry) {
    Objects.requireNonNull(rules, "rules");
    WeeklySchedule schedule = WeeklySchedule.parse(rules);
    if (holidayCountry == null || holidayCountry.isBlank()) {
      return new CallingWindows("custom", schedule, null, "");
    }
    PublicHolidays holidays = PublicHolidays.of(holidayCountry);
    return new CallingWindows("custom", schedule, holidays, "; no " + holidays.countryCode() + " public holidays");
  }

  /** ["US", "CO", "MX", "ES", "CL"]. */
  public static List<String> presets() {
    return Jurisdiction.codes();
  }

  /** True when a call may START at this instant in this zone. Window ends are exclusive. */
  public boolean allows(Instant at, ZoneId zone) {
    return containing(at, zone).isPresent();
  }

  /** {@code at} itself when allowed, else the start of the next allowed window within 60 days; empty if none. */
  public Optional<Instant> nextStart(Instant at, ZoneId zone) {
    LocalDate today = localDate(at, zone);
    for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(SEARCH_DAYS)); day = day.plusDays(1)) {
      for (Opening opening : openingsOn(day, zone)) {
        if (opening.contains(at)) {
          return Optional.of(at);
        }
        if (opening.start().isAfter(at)) {
          return Optional.of(opening.start());
        }
      }
    }
    return Optional.empty();
  }

  /** The end (exclusive) of the window containing {@code at}; empty when {@code at} is not allowed. */
  public Optional<Instant> windowEnd(Instant at, ZoneId zone) {
    Optional<Opening> current = containing(at, zone);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Instant end = current.get().end();
    LocalDate today = localDate(at, zone);
    // Two windows can touch when a spring-forward gap swallows the hours between them: one window then.
    for (Opening next : openingsBetween(today, today.plusDays(2), zone)) {
      if (next.start().equals(end)) {
        end = next.end();
      }
    }
    return Optional.of(end);
  }

  /** E.g. "CO: Mon–Fri 07:00–19:00, Sat 08:00–15:00; no Sundays or Colombian holidays". */
  public String describe() {
    return name + ": " + schedule.describe() + note;
  }

  @Override
  public String toString() {
    return describe();
  }

  private Optional<Opening> containing(Instant at, ZoneId zone) {
    LocalDate today = localDate(at, zone);
    return openingsBetween(today.minusDays(1), today.plusDays(1), zone).stream()
        .filter(opening -> opening.contains(at))
        .findFirst();
  }

  private List<Opening> openingsBetween(LocalDate first, LocalDate last, ZoneId zone) {
    List<Opening> openings = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      openings.addAll(openingsOn(day, zone));
    }
    return openings;
  }

  private List<Opening> openingsOn(LocalDate day, ZoneId zone) {
    List<DailyWindow> windows = schedule.on(day.getDayOfWeek());
    if (windows.isEmpty() || holidays != null && holidays.contains(day)) {
      return List.of();
    }
    List<Opening> openings = new ArrayList<>();
    for (DailyWindow window : windows) {
      Instant start = WallClock.firstReaching(day, window.start(), zone);
      Instant end = WallClock.firstReaching(day, window.end(), zone);
      if (start.isBefore(end)) {
        openings.add(new Opening(start, end));
      }
    }
    return openings;
  }

  private static LocalDate localDate(Instant at, ZoneId zone) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(zone, "zone");
    return LocalDate.ofInstant(at, zone);
  }
}
