package dev.vocero.workflows.messaging;

/**
 * What a wave has done so far. {@code sent}: handed to the provider; {@code skipped}: on the do-not-call list, taken
 * over by a person or without a phone; {@code failed}: refused by the provider or out of retries. {@code pauseReason}:
 * why a paused wave paused itself ({@link #NO_CREDIT}), null when it was paused by a person or a campaign.
 * {@code waiting}: contacts the contact policy allows later in the wave, deferred until then.
 */
public record WaveProgress(WaveStatus status, int sent, int skipped, int failed, long lastContactId, int perMinute,
    String pauseReason, int waiting) {

  public WaveProgress(WaveStatus status, int sent, int skipped, int failed, long lastContactId, int perMinute,
      String pauseReason) {
    this(status, sent, skipped, failed, lastContactId, perMinute, pauseReason, 0);
  }

  public static final String NO_CREDIT = "no_credit";

  public static WaveProgress start(int perMinute) {
    return new WaveProgress(WaveStatus.RUNNING, 0, 0, 0, 0, perMinute, null);
  }
}
