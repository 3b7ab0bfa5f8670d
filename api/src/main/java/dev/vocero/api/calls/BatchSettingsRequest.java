package dev.vocero.api.calls;

import dev.vocero.api.validation.SaneDate;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.errors.ErrorCode;
import dev.vocero.api.errors.Violations;
import dev.vocero.api.validation.CallDisposition;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.domain.compliance.CallingWindows;
import dev.vocero.domain.compliance.ContactPolicies;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.domain.compliance.PolicyTightening;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code settings} part of a batch upload, with the defaults a collections team would expect. Checked with Bean
 * Validation plus the calling-window rules and the agent, so one 422 {@code invalid_settings} lists every problem.
 */
@ErrorCode("invalid_settings")
public record BatchSettingsRequest(
    String name,
    @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 and at most 100")
    @DecimalMax(value = "100", message = "must be more than 0 and at most 100") Double callsPerSecond,
    @Min(1) @Max(1000) Integer maxConcurrentCalls,
    @Min(1) @Max(20) Integer maxAttempts,
    Map<@CallDisposition String, @NotNull @Min(0) @Max(2_592_000) Long> retryDelaySeconds,
    String jurisdiction,
    @Size(max = 50) List<@NotNull @Size(max = 200) String> customWindows,
    @Pattern(regexp = "\\s*[A-Za-z]{2}\\s*", message = "must be a two-letter region such as CO, MX or US")
    String defaultRegion,
    @Min(0) @Max(100) Integer weeklyCapPerPhone,
    @Min(10) @Max(3600) Long answerTimeoutSeconds,
    @SaneDate Instant deadline,
    @Size(max = 2000) String script,
    @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as es-MX, es-CO, es-ES or en-US")
    String scriptLanguage,
    AgentSettings agent,
    @Valid ContactPolicyRequest contactPolicy) {

  static final Map<String, Long> DEFAULT_RETRY = Map.of(
      "no_answer", 4 * 3600L, "busy", 1800L, "answered_machine", 24 * 3600L, "failed", 3600L);

  static BatchSettingsRequest defaults() {
    return new BatchSettingsRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The settings as the workflow takes them, or 422 {@code invalid_settings} with every problem. */
  public BatchSettings validate(Validator validator, ContactLists lists) {
    List<ApiError.Detail> problems = new ArrayList<>(Violations.unprocessable(validator.validate(this),
        BatchSettingsRequest.class).details());
    String rules = rules();
    try {
      lists.validateWindows(rules, customWindows);
    } catch (IllegalArgumentException e) {
      problems.add(new ApiError.Detail(rules.equals("CUSTOM") ? "customWindows" : "jurisdiction", "calling_window",
          e.getMessage()));
    }
    if (agent != null) {
      agent.validate(problems);
    }
    if (contactPolicy != null && problems.isEmpty()) {
      contactPolicy(problems, rules);
    }
    if (!problems.isEmpty()) {
      throw new ApiException(422, "invalid_settings", "The batch settings are not valid: " + problems.get(0).field()
          + " " + problems.get(0).message() + ".", problems, null);
    }
    Map<String, Long> retry = new LinkedHashMap<>();
    (retryDelaySeconds == null ? DEFAULT_RETRY : retryDelaySeconds)
        .forEach((disposition, seconds) -> retry.put(disposition.trim().toLowerCase(Locale.ROOT), seconds));
    return new BatchSettings(callsPerSecond == null ? 1.0 : callsPerSecond,
        maxConcurrentCalls == null ? 10 : maxConcurrentCalls, maxAttempts == null ? 3 : maxAttempts, retry, rules,
        customWindows == null ? List.of() : customWindows, weeklyCapPerPhone == null ? 7 : weeklyCapPerPhone,
        answerTimeoutSeconds == null ? 120 : answerTimeoutSeconds, deadline == null ? 0 : deadline.toEpochMilli());
  }

  /** Windows that parse, and no value looser than the jurisdiction's policy unless an override says so. */
  private void contactPolicy(List<ApiError.Detail> problems, String rules) {
    PolicySettings settings = contactPolicy.settings();
    if (settings.windows() != null) {
      try {
        CallingWindows.custom(settings.windows(), null);
      } catch (IllegalArgumentException e) {
        problems.add(new ApiError.Detail("contactPolicy.windows", "calling_window", e.getMessage()));
        return;
      }
    }
    if (!settings.overridden()) {
      ContactPolicy base = ContactPolicies.forBatch(rules, customWindows, null);
      PolicyTightening.loosenings(base, settings,
              "CUSTOM".equals(rules) ? customWindows : ContactPolicies.windowRules(rules)).stream()
          .sorted(java.util.Comparator.comparing(PolicyTightening.Loosening::field)).forEach(l -> problems.add(
          new ApiError.Detail("contactPolicy." + l.field(), "looser_than_policy", l.message())));
    }
  }

  /** The batch's own contact limits, or null when it uses its policy as it is; call after {@link #validate}. */
  public PolicySettings policySettings() {
    return contactPolicy == null || contactPolicy.settings().empty() ? null : contactPolicy.settings();
  }

  /** The agent as stored, or null when the batch speaks its script; call after {@link #validate}. */
  public AgentSettings validAgent() {
    return agent == null ? null : agent.validate(new ArrayList<>());
  }

  public String language() {
    return scriptLanguage == null ? "es-MX" : scriptLanguage;
  }

  public String region() {
    return defaultRegion == null ? "US" : defaultRegion.trim().toUpperCase(Locale.ROOT);
  }

  private String rules() {
    return jurisdiction == null ? "US" : jurisdiction.trim().toUpperCase(Locale.ROOT);
  }
}
