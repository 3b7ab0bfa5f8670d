package dev.vocero.api.calls;

import dev.vocero.workflows.calls.ProviderEvent;
import dev.vocero.workflows.calls.RecordingEvent;
import java.util.Map;
import java.util.UUID;

/**
 * Provider signature checks and callback parsing, implemented with the providers' own rules in the
 * activities module (Twilio's RequestValidator, Retell's HMAC) and handed to the API by the wiring.
 */
public interface TelephonyWebhooks {

  /** The public base URL providers call; signatures are computed over it, so it must match exactly. */
  String publicBaseUrl();

  boolean validTwilio(String url, Map<String, String> params, String signature);

  /** Twilio's status callback form as an event of our own (eventKey, sequence, terminal, disposition). */
  ProviderEvent twilioStatus(UUID attemptId, Map<String, String> params);

  /** Twilio's recording status callback (RecordingSid, RecordingUrl, RecordingStatus...) as an event of our own. */
  RecordingEvent twilioRecording(UUID attemptId, Map<String, String> params);

  /** The recording a Retell call_ended/call_analyzed payload names in {@code recording_url}, if any. */
  java.util.Optional<RecordingEvent> retellRecording(UUID attemptId, com.fasterxml.jackson.databind.JsonNode call);

  /** Checks Retell's {@code x-retell-signature} over the raw body. */
  boolean validRetell(String rawBody, String signature);

  /** A Retell webhook ({@code call_started}, {@code call_ended}, {@code call_analyzed}) as an event of our own. */
  ProviderEvent retellEvent(UUID attemptId, String event, com.fasterxml.jackson.databind.JsonNode call);
}
