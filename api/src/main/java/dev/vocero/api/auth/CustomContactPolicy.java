package dev.vocero.api.auth;

import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.domain.compliance.ContactPolicies;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.domain.compliance.PolicyTightening;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Comparator;
import java.util.List;

/**
 * An organisation's default contact limits for its CUSTOM batches and their waves without a contactPolicy of their
 * own: each value at least as strict as the CUSTOM baseline (Regulation F's seven calls a week), or 422
 * {@code invalid_settings} naming the field. No override here: loosening takes a batch's audited override.
 */
public record CustomContactPolicy(
    @Min(0) @Max(100) Integer callsPerDay,
    @Min(0) @Max(100) Integer callsPerWeek,
    @Min(0) @Max(100) Integer messagesPerDay,
    @Min(0) @Max(100) Integer messagesPerWeek,
    @Min(0) @Max(720) Integer minHoursBetweenCalls,
    @Min(0) @Max(720) Integer minHoursBetweenMessages) {
  /** Any hours do for the check: the limits are compared, the batch's own windows stay its own. */
  private static final List<String> ANY_HOURS = List.of("MON-SUN 00:00-23:59");

  static CustomContactPolicy of(PolicySettings settings) {
    return new CustomContactPolicy(settings.callsPerDay(), settings.callsPerWeek(), settings.messagesPerDay(),
        settings.messagesPerWeek(), settings.minHoursBetweenCalls(), settings.minHoursBetweenMessages());
  }

  /** The limits to store, null when none is set (clears them); 422 when one is looser than the baseline. */
  PolicySettings validSettings() {
    PolicySettings settings = new PolicySettings(callsPerDay, callsPerWeek, messagesPerDay, messagesPerWeek,
        minHoursBetweenCalls, minHoursBetweenMessages, null, null);
    if (settings.empty()) {
      return null;
    }
    ContactPolicy baseline = ContactPolicies.custom(ANY_HOURS);
    List<ApiError.Detail> problems = PolicyTightening.loosenings(baseline, settings, ANY_HOURS).stream()
        .sorted(Comparator.comparing(PolicyTightening.Loosening::field))
        .map(l -> new ApiError.Detail("customContactPolicy." + l.field(), "looser_than_policy", l.message()))
        .toList();
    if (!problems.isEmpty()) {
      throw new ApiException(422, "invalid_settings", "The CUSTOM defaults are not valid: " + problems.get(0).field()
          + " " + problems.get(0).message() + ".", problems, null);
    }
    return settings;
  }
}
