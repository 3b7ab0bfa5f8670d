package dev.vocero.domain.compliance;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Calling hours per weekday, overlapping or touching windows merged and sorted. */
final class WeeklySchedule {
  private final Map<DayOfWeek, List<DailyWindow>> byDay = new EnumMap<>(DayOfWeek.class);

  private WeeklySchedule() {
  }

  static WeeklySchedule parse(List<String> rules) {
    WeeklySchedule schedule = new WeeklySchedule();
    for (String text : rules) {
      WindowRule rule = WindowRule.parse(text);
      rule.days().forEach(day -> schedule.add(day, rule.window()));
    }
    return schedule;
  }

  List<DailyWindow> on(DayOfWeek day) {
    return byDay.getOrDefault(day, List.of());
  }

  boolean isEmpty() {
    return byDay.isEmpty();
  }

  /** E.g. "Mon–Fri 07:00–19:00, Sat 08:00–15:00" or "every day 08:00–21:00". */
  String describe() {
    if (isEmpty()) {
      return "no calling days";
    }
    if (byDay.size() == 7 && byDay.values().stream().distinct().count() == 1) {
      return "every day " + hours(on(DayOfWeek.MONDAY));
    }
    List<String> groups = new ArrayList<>();
    DayOfWeek first = null;
    for (DayOfWeek day : DayOfWeek.values()) {
      if (first != null && !on(day).equals(on(first))) {
        groups.add(group(first, day.minus(1)));
        first = null;
      }
      if (first == null && !on(day).isEmpty()) {
        first = day;
      }
    }
    if (first != null) {
      groups.add(group(first, DayOfWeek.SUNDAY));
    }
    return String.join(", ", groups);
  }

  private void add(DayOfWeek day, DailyWindow window) {
    List<DailyWindow> merged = new ArrayList<>();
    DailyWindow grown = window;
    for (DailyWindow existing : on(day)) {
      if (existing.overlapsOrTouches(grown)) {
        grown = grown.union(existing);
      } else {
        merged.add(existing);
      }
    }
    merged.add(grown);
    merged.sort(Comparator.comparing(DailyWindow::start));
    byDay.put(day, List.copyOf(merged));
  }

  private String group(DayOfWeek from, DayOfWeek to) {
    String days = from == to ? name(from) : name(from) + "–" + name(to);
    return days + " " + hours(on(from));
  }

  private static String hours(List<DailyWindow> windows) {
    return windows.stream().map(DailyWindow::toString).collect(Collectors.joining(" and "));
  }

  private static String name(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }
}
