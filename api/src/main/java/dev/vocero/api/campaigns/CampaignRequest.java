package dev.vocero.api.campaigns;

import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Body of create and update. {@code weekdays} take MON…SUN or MONDAY…SUNDAY; times are "HH:mm" in {@code timeZone};
 * {@code dailyQuota} 0 or absent means no quota; {@code waves} (messages) are reserved for the messaging feature.
 */
public record CampaignRequest(String name, String startDate, String endDate, List<String> weekdays, String windowStart,
    String windowEnd, String timeZone, Integer dailyQuota, List<UUID> batchIds, List<Object> waves) {

  static final int MAX_BATCHES = 50;

  /** The request, parsed; every problem is reported at once, field by field. */
  public record Valid(String name, LocalDate startDate, LocalDate endDate, List<String> weekdays,
      LocalTime windowStart, LocalTime windowEnd, String timeZone, int dailyQuota, List<UUID> batchIds) {}

  public Valid validate() {
    List<ApiError.Detail> problems = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 200) {
      problems.add(detail("name", "required", "a name of 1 to 200 characters is required"));
    }
    LocalDate start = date("startDate", startDate, problems);
    LocalDate end = date("endDate", endDate, problems);
    if (start != null && end != null && end.isBefore(start)) {
      problems.add(detail("endDate", "before_start", "endDate must be on or after startDate"));
    }
    List<String> days = weekdays(problems);
    LocalTime from = time("windowStart", windowStart, problems);
    LocalTime to = time("windowEnd", windowEnd, problems);
    if (from != null && to != null && !to.isAfter(from)) {
      problems.add(detail("windowEnd", "not_after_start",
          "windowEnd must be after windowStart on the same day (windows across midnight are not supported)"));
    }
    if (timeZone == null || !validZone(timeZone)) {
      problems.add(detail("timeZone", "unknown_time_zone", "an IANA time zone such as America/Bogota is required"));
    }
    if (dailyQuota != null && dailyQuota < 0) {
      problems.add(detail("dailyQuota", "negative", "dailyQuota must be 0 (no quota) or more"));
    }
    List<UUID> batches = batchIds == null ? List.of() : batchIds;
    if (batches.size() > MAX_BATCHES || batches.contains(null) || new LinkedHashSet<>(batches).size() != batches.size()) {
      problems.add(detail("batchIds", "invalid", "at most " + MAX_BATCHES + " distinct batch ids"));
    }
    if (waves != null && !waves.isEmpty()) {
      problems.add(detail("waves", "not_available", "message waves are not available yet"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(422, "invalid_campaign", "The campaign has " + problems.size()
          + " invalid field(s); see details.", problems, null);
    }
    return new Valid(name.trim(), start, end, days, from, to, timeZone, dailyQuota == null ? 0 : dailyQuota,
        List.copyOf(batches));
  }

  private List<String> weekdays(List<ApiError.Detail> problems) {
    if (weekdays == null || weekdays.isEmpty()) {
      problems.add(detail("weekdays", "empty", "at least one weekday (MON…SUN) is required"));
      return List.of();
    }
    Set<DayOfWeek> days = new java.util.TreeSet<>();
    for (String day : weekdays) {
      DayOfWeek parsed = day == null ? null : dayOfWeek(day.trim().toUpperCase(Locale.ROOT));
      if (parsed == null) {
        problems.add(detail("weekdays", "unknown_day", "unknown weekday '" + day + "': use MON…SUN"));
      } else {
        days.add(parsed);
      }
    }
    return days.stream().map(DayOfWeek::name).toList();
  }

  private static DayOfWeek dayOfWeek(String day) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equals(day) || d.name().startsWith(day) && day.length() == 3) {
        return d;
      }
    }
    return null;
  }

  private static LocalDate date(String field, String value, List<ApiError.Detail> problems) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException | NullPointerException e) {
      problems.add(detail(field, "invalid_date", field + " must be a date such as 2026-03-02"));
      return null;
    }
  }

  private static LocalTime time(String field, String value, List<ApiError.Detail> problems) {
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException | NullPointerException e) {
      problems.add(detail(field, "invalid_time", field + " must be a time such as 09:00"));
      return null;
    }
  }

  private static boolean validZone(String zone) {
    try {
      ZoneId.of(zone);
      return zone.contains("/") || "UTC".equals(zone);
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static ApiError.Detail detail(String field, String code, String message) {
    return new ApiError.Detail(field, code, message);
  }
}
