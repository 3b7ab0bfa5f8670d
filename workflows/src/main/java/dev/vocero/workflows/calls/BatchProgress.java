package dev.vocero.workflows.calls;

/** Answer of the batch's {@code progress} query. */
public record BatchProgress(BatchStatus status, int started, int finished, int running, boolean paused,
    double callsPerSecond, int maxConcurrentCalls, String pauseReason) {

  public BatchProgress(BatchStatus status, int started, int finished, int running, boolean paused, double callsPerSecond,
      int maxConcurrentCalls) {
    this(status, started, finished, running, paused, callsPerSecond, maxConcurrentCalls, null);
  }
}
