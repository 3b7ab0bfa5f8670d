package dev.vocero.workflows.alerts;

import java.util.List;
import java.util.UUID;

/** How many alerts this evaluation raised, and every delivery of the audio's alerts still to be sent. */
public record AlertResult(int raised, List<UUID> pendingDeliveries) {
  public AlertResult {
    pendingDeliveries = pendingDeliveries == null ? List.of() : List.copyOf(pendingDeliveries);
  }
}
