package dev.vocero.domain.compliance.simulation;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.vocero.domain.compliance.ContactChannel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of docs/compliance/*.md written out again by hand, without the policy files or the gate: hours and
 * holidays, per-person limits over rolling periods, gaps, the quiet period after a conversation, the one-channel week,
 * DNC, and a rule id on every contact.
 */
public final class IndependentChecker {
  private static final Set<String> UNCOUNTED = Set.of("not_placed");
  private final Map<String, Instant> dncSince;

  public IndependentChecker(Map<String, Instant> dncSince) {
    this.dncSince = dncSince;
  }

  public List<String> violations(List<SimulatedContact> contacts) {
    List<String> found = new ArrayList<>();
    for (SimulatedContact c : contacts) {
      if (c.ruleId() == null || c.ruleId().isBlank()) {
        found.add("no rule: " + c);
      }
      if (!inHours(c)) {
        found.add("outside hours: " + c.person().jurisdiction() + " " + c.at().atZone(c.person().zone()));
      }
      Instant dnc = dncSince.get(c.number());
      if (dnc != null && !c.at().isBefore(dnc)) {
        found.add("DNC number contacted: " + c);
      }
    }
    Map<Long, List<SimulatedContact>> byPerson = contacts.stream()
        .collect(Collectors.groupingBy(c -> c.person().id()));
    byPerson.values().forEach(list -> found.addAll(personViolations(list)));
    return found;
  }

  private static boolean inHours(SimulatedContact c) {
    ZonedDateTime local = c.at().atZone(c.person().zone());
    DayOfWeek day = local.getDayOfWeek();
    LocalTime t = local.toLocalTime();
    boolean sunday = day == DayOfWeek.SUNDAY;
    boolean saturday = day == DayOfWeek.SATURDAY;
    return switch (c.person().jurisdiction()) {
      case "CL" -> !sunday && !holiday(HolidayCalendar.CHILE, local.toLocalDate()) && between(t, 8, 20);
      case "CO" -> !sunday && !holiday(HolidayCalendar.COLOMBIA, local.toLocalDate())
          && (saturday ? between(t, 8, 15) : between(t, 7, 19));
      case "US" -> between(t, 8, 21);
      case "MX" -> between(t, 7, 22);
      case "ES" -> !sunday && !saturday && !holiday(HolidayCalendar.SPAIN, local.toLocalDate()) && between(t, 9, 21);
      default -> false;
    };
  }

  private static boolean between(LocalTime t, int from, int to) {
    return !t.isBefore(LocalTime.of(from, 0)) && t.isBefore(LocalTime.of(to, 0));
  }

  private static boolean holiday(HolidayCalendar calendar, LocalDate day) {
    return HolidayManager.getInstance(ManagerParameters.create(calendar)).isHoliday(day, HolidayType.PUBLIC_HOLIDAY);
  }

  private static List<String> personViolations(List<SimulatedContact> all) {
    List<String> found = new ArrayList<>();
    List<SimulatedContact> counted = all.stream().filter(c -> !UNCOUNTED.contains(c.outcome())).toList();
    List<SimulatedContact> calls = counted.stream().filter(c -> c.channel() == ContactChannel.CALL).toList();
    List<SimulatedContact> messages = counted.stream()
        .filter(c -> c.channel() != ContactChannel.CALL).toList();
    String cc = all.get(0).person().jurisdiction();
    switch (cc) {
      case "CL" -> {
        atMost(calls, 1, Duration.ofDays(7), "CL one call a week", found);
        atMost(messages, 2, Duration.ofDays(7), "CL two messages a week", found);
        for (int i = 1; i < messages.size(); i++) {
          if (Duration.between(messages.get(i - 1).at(), messages.get(i).at()).compareTo(Duration.ofDays(2)) < 0) {
            found.add("CL messages less than two days apart: " + messages.get(i));
          }
        }
      }
      case "CO" -> {
        atMost(counted, 1, Duration.ofDays(1), "CO one contact a day", found);
        for (SimulatedContact c : counted) {
          long channels = counted.stream().filter(o -> !o.at().isAfter(c.at())
              && o.at().isAfter(c.at().minus(Duration.ofDays(7)))).map(SimulatedContact::channel)
              .distinct().count();
          if (channels > 1) {
            found.add("CO several channels in a week: " + c);
          }
        }
      }
      case "US" -> {
        atMost(calls, 7, Duration.ofDays(7), "US seven calls in seven days", found);
        for (SimulatedContact talk : all) {
          if ("conversation".equals(talk.outcome())) {
            calls.stream().filter(c -> c.at().isAfter(talk.at())
                && c.at().isBefore(talk.at().plus(Duration.ofDays(7))))
                .forEach(c -> found.add("US call within 7 days of a conversation: " + c));
          }
        }
      }
      case "MX", "ES" -> atMost(calls, 1, Duration.ofDays(1), cc + " one call a day", found);
      default -> found.add("unknown jurisdiction " + cc);
    }
    return found;
  }

  /** No window of {@code period} (ending at any contact) holds more than {@code max} of {@code sorted}. */
  private static void atMost(List<SimulatedContact> sorted, int max, Duration period, String rule,
      List<String> found) {
    for (int i = 0; i < sorted.size(); i++) {
      Instant end = sorted.get(i).at();
      long within = sorted.stream().filter(c -> !c.at().isAfter(end) && c.at().isAfter(end.minus(period))).count();
      if (within > max) {
        found.add(rule + ": " + within + " by " + sorted.get(i));
      }
    }
  }
}
