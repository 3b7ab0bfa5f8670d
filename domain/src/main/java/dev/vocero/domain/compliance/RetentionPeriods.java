package dev.vocero.domain.compliance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long the contact gate's history is kept per jurisdiction: the configured days, never below the policy's own
 * retention rule (Chile's two years, the US's three), which is also the default.
 */
public final class RetentionPeriods {
  private RetentionPeriods() {
  }

  /**
   * Every jurisdiction (and CUSTOM) with its period; {@code configured} maps codes to days.
   *
   * @throws IllegalArgumentException naming the key when a code is unknown or a period is below its policy's floor
   */
  public static Map<String, Duration> of(Map<String, Integer> configured) {
    Map<String, ContactPolicy> policies = new LinkedHashMap<>();
    ContactPolicies.all().forEach(p -> policies.put(p.jurisdiction(), p));
    policies.put(ContactPolicies.CUSTOM, ContactPolicies.custom(List.of("MON-SUN 00:00-23:59")));
    List<String> problems = new ArrayList<>();
    Map<String, Duration> periods = new LinkedHashMap<>();
    policies.forEach((code, policy) -> periods.put(code, policy.retention().minimum()));
    (configured == null ? Map.<String, Integer>of() : configured).forEach((key, days) -> {
      String code = key.trim().toUpperCase(Locale.ROOT);
      ContactPolicy policy = policies.get(code);
      if (policy == null) {
        problems.add("compliance.retentionDays." + key + ": unknown jurisdiction; use one of " + policies.keySet());
      } else if (days == null || Duration.ofDays(days).compareTo(policy.retention().minimum()) < 0) {
        problems.add("compliance.retentionDays." + key + " is " + days + " days, below the floor of "
            + policy.retention().minimum().toDays() + " days set by " + policy.retention().id() + " ("
            + policy.retention().citation() + ")");
      } else {
        periods.put(code, Duration.ofDays(days));
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return periods;
  }
}
