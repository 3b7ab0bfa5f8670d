package dev.vocero.workflows.messaging;

/**
 * What a wave has done so far. {@code sent}: handed to the provider; {@code skipped}: on the do-not-call list, taken
 * over by a person or without a phone; {@code failed}: refused by the provider or out of retries.
 */
public record WaveProgress(String status, int sent, int skipped, int failed, long lastContactId, int perMinute) {

  public static final String RUNNING = "running";
  public static final String PAUSED = "paused";
  public static final String COMPLETED = "completed";
  public static final String CANCELLED = "cancelled";

  public static WaveProgress start(int perMinute) {
    return new WaveProgress(RUNNING, 0, 0, 0, 0, perMinute);
  }
}
