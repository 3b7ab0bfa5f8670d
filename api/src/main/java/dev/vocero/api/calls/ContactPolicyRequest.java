package dev.vocero.api.calls;

import dev.vocero.domain.compliance.PolicySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A batch's own contact limits on top of its jurisdiction's policy (docs/compliance/README.md, "Tightening"): each value
 * must be at least as strict as the policy, or the upload is refused naming the field; {@code override} (admins only,
 * with a reason, audited) lets them loosen it.
 */
public record ContactPolicyRequest(
    @Min(0) @Max(100) Integer callsPerDay,
    @Min(0) @Max(100) Integer callsPerWeek,
    @Min(0) @Max(100) Integer messagesPerDay,
    @Min(0) @Max(100) Integer messagesPerWeek,
    @Min(0) @Max(720) Integer minHoursBetweenCalls,
    @Min(0) @Max(720) Integer minHoursBetweenMessages,
    @Size(max = 50) List<@NotNull @Size(max = 200) String> windows,
    @Valid Override override) {

  /** Why an administrator loosens the jurisdiction's policy for this batch; shown in the reports and the audit trail. */
  public record Override(@NotBlank @Size(max = 500) String reason) {}

  /** The domain's settings (override reason trimmed); empty settings when nothing is set. */
  public PolicySettings settings() {
    return new PolicySettings(callsPerDay, callsPerWeek, messagesPerDay, messagesPerWeek, minHoursBetweenCalls,
        minHoursBetweenMessages, windows == null || windows.isEmpty() ? null : List.copyOf(windows),
        override == null ? null : new PolicySettings.Override(override.reason().trim()));
  }
}
