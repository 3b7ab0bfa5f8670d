package dev.vocero.workflows.messaging;

import java.util.UUID;

/** A wave's start (progress empty) or its continuation after continue-as-new. */
public record WaveInput(UUID orgId, UUID waveId, WaveProgress progress) {

  public static WaveInput first(UUID orgId, UUID waveId, int perMinute) {
    return new WaveInput(orgId, waveId, WaveProgress.start(perMinute));
  }
}
