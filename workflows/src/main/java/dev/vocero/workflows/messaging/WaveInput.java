package dev.vocero.workflows.messaging;

import java.util.List;
import java.util.UUID;

/**
 * A wave's start (progress empty) or its continuation after continue-as-new, with the contacts it defers until their
 * contact policy allows them (none in runs started before waves waited).
 */
public record WaveInput(UUID orgId, UUID waveId, WaveProgress progress, List<Deferred> deferred) {

  /** A contact the policy allows from {@code notBeforeMillis} (epoch ms). */
  public record Deferred(long contactId, long notBeforeMillis) {}

  public WaveInput {
    deferred = deferred == null ? List.of() : List.copyOf(deferred);
  }

  public WaveInput(UUID orgId, UUID waveId, WaveProgress progress) {
    this(orgId, waveId, progress, List.of());
  }

  public static WaveInput first(UUID orgId, UUID waveId, int perMinute) {
    return new WaveInput(orgId, waveId, WaveProgress.start(perMinute));
  }
}
