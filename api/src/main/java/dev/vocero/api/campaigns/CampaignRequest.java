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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Body of create and update. {@code weekdays} take MON…SUN or MONDAY…SUNDAY; times are "HH:mm" in {@code timeZone};
 * {@code dailyQuota} 0 or absent means no quota on calls; {@code messageQuotas} such as {"sms": 500} limits
 * messages per day and channel; {@code waves} are SMS/WhatsApp messages sent to the contacts of one of the campaign's
 * batches inside the same windows.
 */
public record CampaignRequest(String name, String startDate, String endDate, List<String> weekdays, String windowStart,
    String windowEnd, String timeZone, Integer dailyQuota, List<UUID> batchIds, List<Wave> waves,
    Map<String, Integer> messageQuotas) {

  static final int MAX_BATCHES = 50;
  static final int MAX_WAVES = 20;
  static final Set<String> CHANNELS = Set.of("sms", "whatsapp");
  private static final java.util.regex.Pattern CONTENT_SID = java.util.regex.Pattern.compile("HX[0-9a-fA-F]{32}");

  /**
   * A message wave of the campaign. {@code body} (with {{name}}-style contact variables) for SMS or a WhatsApp
   * session message, or {@code contentSid} (an approved WhatsApp template) with {@code contentVariables}.
   * {@code batchId} is one of the campaign's batches; with {@code disposition} (e.g. no_answer) only the contacts
   * whose call ended that way are messaged, and the wave then waits until that batch has ended.
   */
  public record Wave(String name, String channel, String body, String contentSid, Map<String, String> contentVariables,
      UUID batchId, String disposition, Integer perMinute) {}

  /** A wave, checked. */
  public record ValidWave(String name, String channel, String body, String contentSid,
      Map<String, String> contentVariables, UUID batchId, String disposition, int perMinute) {}

  /** The request, parsed; every problem is reported at once, field by field. */
  public record Valid(String name, LocalDate startDate, LocalDate endDate, List<String> weekdays,
      LocalTime windowStart, LocalTime windowEnd, String timeZone, int dailyQuota, List<UUID> batchIds,
      List<ValidWave> waves, Map<String, Integer> messageQuotas) {}

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
    List<ValidWave> validWaves = waves(batches, problems);
    Map<String, Integer> quotas = new java.util.TreeMap<>();
    if (messageQuotas != null) {
      messageQuotas.forEach((channel, quota) -> {
        if (!CHANNELS.contains(channel)) {
          problems.add(detail("messageQuotas." + channel, "unknown_channel", "message quotas are per channel: sms"
              + " or whatsapp"));
        } else if (quota == null || quota < 0) {
          problems.add(detail("messageQuotas." + channel, "negative", "a quota is 0 (no quota) or more"));
        } else {
          quotas.put(channel, quota);
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new ApiException(422, "invalid_campaign", "The campaign has " + problems.size()
          + " invalid field(s); see details.", problems, null);
    }
    return new Valid(name.trim(), start, end, days, from, to, timeZone, dailyQuota == null ? 0 : dailyQuota,
        List.copyOf(batches), validWaves, quotas);
  }

  private List<ValidWave> waves(List<UUID> batches, List<ApiError.Detail> problems) {
    if (waves == null || waves.isEmpty()) {
      return List.of();
    }
    if (waves.size() > MAX_WAVES) {
      problems.add(detail("waves", "too_many", "at most " + MAX_WAVES + " waves per campaign"));
      return List.of();
    }
    List<ValidWave> out = new ArrayList<>();
    for (int i = 0; i < waves.size(); i++) {
      validWave(waves.get(i), "waves[" + i + "]", batches, problems).ifPresent(out::add);
    }
    return out;
  }

  /** One wave, alone (POST /{id}/waves): 422 invalid_wave with the problems field by field. */
  public static ValidWave validate(Wave wave, List<UUID> batches) {
    List<ApiError.Detail> problems = new ArrayList<>();
    Optional<ValidWave> valid = validWave(wave, "", batches, problems);
    if (!problems.isEmpty() || valid.isEmpty()) {
      throw new ApiException(422, "invalid_wave", "The wave has " + Math.max(1, problems.size())
          + " invalid field(s); see details.", problems, null);
    }
    return valid.get();
  }

  private static Optional<ValidWave> validWave(Wave wave, String prefix, List<UUID> batches,
      List<ApiError.Detail> problems) {
    String dot = prefix.isEmpty() ? "" : "."; // "waves[2].name" in a campaign, "name" alone
    int before = problems.size();
    if (wave == null) {
      problems.add(detail(prefix.isEmpty() ? "wave" : prefix, "required",
          "a wave is an object with name, channel, batchId and body"));
      return Optional.empty();
    }
    if (wave.name() == null || wave.name().isBlank() || wave.name().length() > 200) {
      problems.add(detail(prefix + dot + "name", "required", "a name of 1 to 200 characters is required"));
    }
    if (wave.channel() == null || !CHANNELS.contains(wave.channel())) {
      problems.add(detail(prefix + dot + "channel", "unknown_channel", "channel is sms or whatsapp"));
    }
    boolean noBody = wave.body() == null || wave.body().isBlank();
    if (noBody && wave.contentSid() == null) {
      problems.add(detail(prefix + dot + "body", "missing_content",
          "give the message text in body or, for WhatsApp, an approved template in contentSid"));
    }
    if (wave.body() != null && wave.body().length() > 1600) {
      problems.add(detail(prefix + dot + "body", "too_long", "a message body has at most 1600 characters"));
    }
    if (wave.contentSid() != null && (!"whatsapp".equals(wave.channel())
        || !CONTENT_SID.matcher(wave.contentSid()).matches())) {
      problems.add(detail(prefix + dot + "contentSid", "invalid_template",
          "contentSid is an approved WhatsApp template id (HX followed by 32 hex digits), on the whatsapp channel"));
    }
    if (wave.batchId() == null || !batches.contains(wave.batchId())) {
      problems.add(detail(prefix + dot + "batchId", "not_in_campaign",
          "batchId must be one of the campaign's batchIds: a wave messages the contacts of one of its batches"));
    }
    String disposition = wave.disposition() == null ? null : wave.disposition().trim().toLowerCase(Locale.ROOT);
    if (disposition != null) {
      try {
        dev.vocero.workflows.calls.Disposition.fromWire(disposition);
      } catch (IllegalArgumentException e) {
        problems.add(detail(prefix + dot + "disposition", "invalid_disposition", "'" + wave.disposition()
            + "' is not a call disposition; use e.g. no_answer, busy, answered_machine, failed"));
      }
    }
    if (wave.perMinute() != null && (wave.perMinute() < 1 || wave.perMinute() > 6000)) {
      problems.add(detail(prefix + dot + "perMinute", "out_of_range", "perMinute is between 1 and 6000"));
    }
    if (problems.size() != before) {
      return Optional.empty();
    }
    return Optional.of(new ValidWave(wave.name().trim(), wave.channel(), noBody ? null : wave.body(),
        wave.contentSid(), wave.contentVariables(), wave.batchId(), disposition,
        wave.perMinute() == null ? 60 : wave.perMinute()));
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
