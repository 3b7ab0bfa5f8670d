package dev.vocero.api.calls;

import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.Disposition;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code settings} part of a batch upload, with the defaults a collections team would expect.
 * Validated field by field so one 422 lists every problem.
 */
public record BatchSettingsRequest(
    String name,
    Double callsPerSecond,
    Integer maxConcurrentCalls,
    Integer maxAttempts,
    Map<String, Long> retryDelaySeconds,
    String jurisdiction,
    List<String> customWindows,
    String defaultRegion,
    Integer weeklyCapPerPhone,
    Long answerTimeoutSeconds,
    String deadline,
    String script,
    String scriptLanguage,
    AgentSettings agent) {

  static final Map<String, Long> DEFAULT_RETRY = Map.of(
      "no_answer", 4 * 3600L, "busy", 1800L, "answered_machine", 24 * 3600L, "failed", 3600L);

  public BatchSettings validate(ContactLists lists) {
    List<ApiError.Detail> problems = new ArrayList<>();
    double cps = callsPerSecond == null ? 1.0 : callsPerSecond;
    if (!(cps > 0 && cps <= 100)) {
      problems.add(problem("callsPerSecond", "must be more than 0 and at most 100"));
    }
    int concurrent = maxConcurrentCalls == null ? 10 : maxConcurrentCalls;
    if (concurrent < 1 || concurrent > 1000) {
      problems.add(problem("maxConcurrentCalls", "must be between 1 and 1000"));
    }
    int attempts = maxAttempts == null ? 3 : maxAttempts;
    if (attempts < 1 || attempts > 20) {
      problems.add(problem("maxAttempts", "must be between 1 and 20"));
    }
    Map<String, Long> retry = retryDelays(problems);
    String rules = jurisdiction == null ? "US" : jurisdiction.trim().toUpperCase(java.util.Locale.ROOT);
    try {
      lists.validateWindows(rules, customWindows);
    } catch (IllegalArgumentException e) {
      problems.add(problem(rules.equals("CUSTOM") ? "customWindows" : "jurisdiction", e.getMessage()));
    }
    int cap = weeklyCapPerPhone == null ? 7 : weeklyCapPerPhone;
    if (cap < 0 || cap > 100) {
      problems.add(problem("weeklyCapPerPhone", "must be between 0 (no cap) and 100"));
    }
    long answerTimeout = answerTimeoutSeconds == null ? 120 : answerTimeoutSeconds;
    if (answerTimeout < 10 || answerTimeout > 3600) {
      problems.add(problem("answerTimeoutSeconds", "must be between 10 and 3600"));
    }
    long deadlineMs = deadline(problems);
    if (script != null && script.length() > 2000) {
      problems.add(problem("script", "may have at most 2000 characters"));
    }
    if (scriptLanguage != null && !scriptLanguage.matches("[a-z]{2}(-[A-Z]{2})?")) {
      problems.add(problem("scriptLanguage", "must be a language tag such as es-MX, es-CO, es-ES or en-US"));
    }
    if (agent != null) {
      agent.validate(problems);
    }
    if (!problems.isEmpty()) {
      throw new ApiException(422, "invalid_settings", "The batch settings are not valid: " + problems.get(0).field() + " "
          + problems.get(0).message() + ".", problems, null);
    }
    return new BatchSettings(cps, concurrent, attempts, retry, rules, customWindows == null ? List.of() : customWindows, cap,
        answerTimeout, deadlineMs);
  }

  /** The agent as stored, or null when the batch speaks its script; call after {@link #validate}. */
  public AgentSettings validAgent() {
    return agent == null ? null : agent.validate(new ArrayList<>());
  }

  public String language() {
    return scriptLanguage == null ? "es-MX" : scriptLanguage;
  }

  public String region() {
    return defaultRegion == null ? "US" : defaultRegion.trim().toUpperCase(java.util.Locale.ROOT);
  }

  private Map<String, Long> retryDelays(List<ApiError.Detail> problems) {
    Map<String, Long> retry = new LinkedHashMap<>(retryDelaySeconds == null ? DEFAULT_RETRY : retryDelaySeconds);
    for (Map.Entry<String, Long> e : retry.entrySet()) {
      try {
        Disposition.fromWire(e.getKey());
      } catch (IllegalArgumentException ex) {
        problems.add(problem("retryDelaySeconds." + e.getKey(), "is not a disposition (use no_answer, busy, "
            + "answered_machine, failed, canceled)"));
      }
      if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 30L * 24 * 3600) {
        problems.add(problem("retryDelaySeconds." + e.getKey(), "must be between 0 and 2592000 seconds"));
      }
    }
    return retry;
  }

  private long deadline(List<ApiError.Detail> problems) {
    if (deadline == null || deadline.isBlank()) {
      return 0;
    }
    try {
      return Instant.parse(deadline).toEpochMilli();
    } catch (DateTimeParseException e) {
      problems.add(problem("deadline", "must be an ISO-8601 instant such as 2026-12-01T23:00:00Z"));
      return 0;
    }
  }

  private static ApiError.Detail problem(String field, String message) {
    return new ApiError.Detail(field, "invalid", message);
  }
}
