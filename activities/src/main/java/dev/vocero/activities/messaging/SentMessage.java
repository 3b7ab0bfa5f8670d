package dev.vocero.activities.messaging;

/**
 * The provider's id of an accepted message, its status word ({@code queued}, {@code accepted}...) and the SMS segments
 * it counted (Twilio's {@code num_segments}; null when the provider did not say, 0 through a Messaging Service).
 */
public record SentMessage(String sid, String status, Integer segments) {

  public SentMessage(String sid, String status) {
    this(sid, status, null);
  }
}
