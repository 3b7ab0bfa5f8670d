package dev.vocero.domain.compliance;

import de.focus_shift.jollyday.core.HolidayCalendar;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The preset calling rules per country; {@code note} finishes the human description. */
enum Jurisdiction {
  US(List.of("MON-SUN 08:00-21:00"), null, " (federal TCPA hours)"),
  CO(List.of("MON-FRI 07:00-19:00", "SAT 08:00-15:00"), HolidayCalendar.COLOMBIA,
      "; no Sundays or Colombian holidays"),
  MX(List.of("MON-SUN 07:00-22:00"), null, ""),
  ES(List.of("MON-FRI 09:00-21:00"), HolidayCalendar.SPAIN, "; no weekends or Spanish national holidays"),
  CL(List.of("MON-SAT 08:00-20:00"), HolidayCalendar.CHILE, "; no Sundays or Chilean holidays");

  private final List<String> rules;
  private final HolidayCalendar holidays;
  private final String note;

  Jurisdiction(List<String> rules, HolidayCalendar holidays, String note) {
    this.rules = rules;
    this.holidays = holidays;
    this.note = note;
  }

  static Jurisdiction of(String code) {
    String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(j -> j.name().equals(upper))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "Unknown jurisdiction \"" + code + "\"; valid presets: " + String.join(", ", codes())));
  }

  static List<String> codes() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableList());
  }

  WeeklySchedule schedule() {
    return WeeklySchedule.parse(rules);
  }

  Optional<PublicHolidays> holidays() {
    return Optional.ofNullable(holidays).map(PublicHolidays::of);
  }

  String note() {
    return note;
  }
}
