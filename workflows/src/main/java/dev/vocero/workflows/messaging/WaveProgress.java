package dev.vocero.workflows.messaging;

/**
 * What a wave has done so far. {@code sent}: handed to the provider; {@code skipped}: on the do-not-call list, taken
 * over by a person or without a phone; {@code failed}: refused by the provider or out of retries. {@code pauseReason}:
 * why a paused wave paused itself ({@link #NO_CREDIT}), null when it was paused by a person or a campaign.
 */
public record WaveProgress(WaveStatus status, int sent, int skipped, int failed, long lastContactId, int perMinute,
    String pauseReason) {

  public static final String NO_CREDIT = "no_credit";

  public static WaveProgress start(int perMinute) {
    return new WaveProgress(WaveStatus.RUNNING, 0, 0, 0, 0, perMinute, null);
  }
}
