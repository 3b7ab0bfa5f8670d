package dev.vocero.domain.compliance;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One rule such as {@code "MON-FRI 09:00-18:00"} or {@code "SAT,SUN 10:00-14:00"}. */
record WindowRule(Set<DayOfWeek> days, DailyWindow window) {

  private static final Pattern SHAPE =
      Pattern.compile("([A-Za-z,\\-–]+)\\s+(\\d{1,2}:\\d{2})\\s*[-–]\\s*(\\d{1,2}:\\d{2})");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("H:mm").withResolverStyle(ResolverStyle.STRICT);
  private static final String DAY_NAMES = "MON, TUE, WED, THU, FRI, SAT, SUN";

  static WindowRule parse(String rule) {
    if (rule == null) {
      throw new IllegalArgumentException("Invalid calling rule null: expected e.g. \"MON-FRI 09:00-18:00\"");
    }
    Matcher m = SHAPE.matcher(rule.trim());
    if (!m.matches()) {
      throw invalid(rule, "expected days and hours like \"MON-FRI 09:00-18:00\" or \"SAT 10:00-14:00\"");
    }
    Set<DayOfWeek> days = parseDays(rule, m.group(1));
    LocalTime start = parseTime(rule, m.group(2));
    LocalTime end = parseTime(rule, m.group(3));
    if (!end.isAfter(start)) {
      throw invalid(rule, "end " + end + " must be after start " + start + " (windows cannot cross midnight)");
    }
    return new WindowRule(Set.copyOf(days), new DailyWindow(start, end));
  }

  private static Set<DayOfWeek> parseDays(String rule, String spec) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : spec.split(",", -1)) {
      String[] ends = part.split("[-–]", -1);
      if (ends.length > 2) {
        throw invalid(rule, "day range \"" + part + "\" must look like MON-FRI");
      }
      DayOfWeek first = parseDay(rule, ends[0]);
      DayOfWeek last = parseDay(rule, ends[ends.length - 1]);
      if (last.compareTo(first) < 0) {
        throw invalid(rule, "day range \"" + part + "\" runs backwards; weeks go MON to SUN");
      }
      days.addAll(EnumSet.range(first, last));
    }
    return days;
  }

  private static DayOfWeek parseDay(String rule, String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().substring(0, 3).equals(upper)) {
        return day;
      }
    }
    throw invalid(rule, "unknown day \"" + name + "\"; use " + DAY_NAMES + " or ranges like MON-FRI");
  }

  private static LocalTime parseTime(String rule, String text) {
    try {
      return LocalTime.parse(text, TIME);
    } catch (DateTimeParseException e) {
      throw invalid(rule, "\"" + text + "\" is not a time between 00:00 and 23:59");
    }
  }

  private static IllegalArgumentException invalid(String rule, String reason) {
    return new IllegalArgumentException("Invalid calling rule \"" + rule + "\": " + reason);
  }
}
