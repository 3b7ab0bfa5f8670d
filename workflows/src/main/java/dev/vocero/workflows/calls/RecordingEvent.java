package dev.vocero.workflows.calls;

import java.util.Locale;
import java.util.UUID;

/**
 * A provider's word about one call recording, already verified and stored by the webhook endpoint.
 *
 * @param eventKey    unique per recording and status (Twilio: RecordingSid:RecordingStatus); duplicates are ignored
 * @param recordingId the provider's recording id (Twilio RecordingSid; Retell: the call id, one recording per call)
 * @param url         where the recording can be downloaded (Twilio: RecordingUrl, fetched as .wav with basic auth)
 * @param status      Twilio's RecordingStatus: in-progress, completed, absent, failed
 */
public record RecordingEvent(
    String eventKey,
    String provider,
    UUID attemptId,
    String providerCallId,
    String recordingId,
    String url,
    String status,
    Long durationSeconds) {

  public static final String COMPLETED = "completed";

  /** A completed recording with a URL: there is something to download. */
  public boolean available() {
    return COMPLETED.equals(status == null ? null : status.toLowerCase(Locale.ROOT)) && url != null && !url.isBlank();
  }

  /** Completed, absent or failed: the provider will say nothing more about this recording. */
  public boolean terminal() {
    return status != null && !"in-progress".equalsIgnoreCase(status);
  }
}
