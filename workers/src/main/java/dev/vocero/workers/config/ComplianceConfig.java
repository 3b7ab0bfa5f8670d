package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vocero.domain.compliance.RetentionPeriods;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code compliance:} section: how long the contact gate's history is kept (docs/compliance/README.md). */
public class ComplianceConfig {
  /** Days per jurisdiction code (CL, CO, US, MX, ES, CUSTOM); left out: the policy's minimum. Never below it. */
  @JsonProperty private Map<String, Integer> retentionDays = new LinkedHashMap<>();
  /** How often the retention job runs. */
  @Min(1) @JsonProperty private int retentionEveryMinutes = 24 * 60;

  /** The periods, or a start-up failure naming the key below its legal floor. */
  public Map<String, Duration> retentionPeriods() {
    try {
      return RetentionPeriods.of(retentionDays);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid configuration: " + e.getMessage(), e);
    }
  }

  public Duration retentionEvery() {
    return Duration.ofMinutes(retentionEveryMinutes);
  }
}
