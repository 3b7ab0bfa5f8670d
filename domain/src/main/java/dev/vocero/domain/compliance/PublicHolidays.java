package dev.vocero.domain.compliance;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A country's national public holidays from Jollyday, one manager per country for the whole JVM.
 * Jollyday reads its XML calendars through jollyday-jackson, found by ServiceLoader; no system property is needed.
 */
final class PublicHolidays {
  private static final Map<HolidayCalendar, PublicHolidays> BY_CALENDAR = new ConcurrentHashMap<>();

  private final HolidayCalendar calendar;
  private final HolidayManager manager;
  private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

  private PublicHolidays(HolidayCalendar calendar) {
    this.calendar = calendar;
    this.manager = HolidayManager.getInstance(ManagerParameters.create(calendar));
  }

  static PublicHolidays of(HolidayCalendar calendar) {
    return BY_CALENDAR.computeIfAbsent(calendar, PublicHolidays::new);
  }

  /** {@code country} is an ISO 3166 alpha-2 code Jollyday has a calendar for, any case. */
  static PublicHolidays of(String country) {
    String code = country.trim();
    return Arrays.stream(HolidayCalendar.values())
        .filter(calendar -> code.length() == 2 && calendar.getId().equalsIgnoreCase(code))
        .findFirst()
        .map(PublicHolidays::of)
        .orElseThrow(() -> new IllegalArgumentException("Unknown holiday country \"" + country
            + "\"; use an ISO alpha-2 code Jollyday supports: " + supportedCountries()));
  }

  boolean contains(LocalDate date) {
    return byYear.computeIfAbsent(date.getYear(), this::load).contains(date);
  }

  String countryCode() {
    return calendar.getId().toUpperCase(Locale.ROOT);
  }

  // Only days off count: Jollyday also lists bank holidays and observances (e.g. Mexico's Flag Day), which are working days.
  private Set<LocalDate> load(int year) {
    return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
        .map(Holiday::getDate)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static String supportedCountries() {
    return Arrays.stream(HolidayCalendar.values())
        .map(HolidayCalendar::getId)
        .filter(id -> id.length() == 2)
        .map(id -> id.toUpperCase(Locale.ROOT))
        .sorted()
        .collect(Collectors.joining(", "));
  }
}
