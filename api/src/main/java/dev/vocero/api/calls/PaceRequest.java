package dev.vocero.api.calls;

import dev.vocero.api.errors.ErrorCode;
import dev.vocero.workflows.calls.PaceChange;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of PATCH /api/v1/batches/{id}/pace: {"callsPerSecond": 2.5, "maxConcurrentCalls": 20}; the cap is optional. */
@ErrorCode("invalid_pace")
public record PaceRequest(
    @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") Double callsPerSecond,
    @Min(1) @Max(1000) Integer maxConcurrentCalls) {

  PaceChange change() {
    return new PaceChange(callsPerSecond, maxConcurrentCalls);
  }
}
