package dev.vocero.api.calls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.domain.telephony.ProviderDisposition;
import dev.vocero.domain.telephony.RetellCallState;
import dev.vocero.domain.telephony.RetellSignatures;
import dev.vocero.domain.telephony.TwilioSignatures;
import dev.vocero.domain.telephony.TwilioStatuses;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.calls.ProviderEvent;
import dev.vocero.workflows.calls.RecordingEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Provider signature checks and callback parsing with the providers' own rules (Twilio's RequestValidator, Retell's
 * HMAC, both in the domain module), for the API's webhook endpoints.
 */
public final class TelephonyWebhooks {
  private final String publicBaseUrl;
  private final String twilioAuthToken;
  private final String retellApiKey;

  /**
   * @param twilioAuthToken what Twilio-style callbacks are signed with; null verifies none
   * @param retellApiKey what Retell signs its webhooks with; null or blank verifies none
   */
  public TelephonyWebhooks(String publicBaseUrl, String twilioAuthToken, String retellApiKey) {
    this.publicBaseUrl = withoutTrailingSlash(publicBaseUrl);
    this.twilioAuthToken = twilioAuthToken;
    this.retellApiKey = retellApiKey;
  }

  /** The configured public URL as signatures are computed over it: no trailing slash. */
  public static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The public base URL providers call; signatures are computed over it, so it must match exactly. */
  public String publicBaseUrl() {
    return publicBaseUrl;
  }

  public boolean validTwilio(String url, Map<String, String> params, String signature) {
    String token = twilioAuthToken;
    return token != null && TwilioSignatures.valid(token, url, params, signature);
  }

  /** Twilio's status callback form as an event of our own (eventKey, sequence, terminal, disposition). */
  public ProviderEvent twilioStatus(UUID attemptId, Map<String, String> params) {
    String callSid = params.getOrDefault("CallSid", "");
    String status = params.getOrDefault("CallStatus", "unknown");
    int sequence = parseInt(params.get("SequenceNumber"));
    boolean terminal = TwilioStatuses.terminal(status);
    Disposition disposition = terminal
        ? disposition(TwilioStatuses.disposition(status, params.get("AnsweredBy"), params.get("SipResponseCode"))) : null;
    Long duration = params.containsKey("CallDuration") ? (long) parseInt(params.get("CallDuration")) : null;
    return new ProviderEvent(callSid + ":" + sequence + ":" + status, "twilio", attemptId, callSid, sequence, status,
        terminal, disposition, duration);
  }

  /** Twilio's recording status callback (RecordingSid, RecordingUrl, RecordingStatus...) as an event of our own. */
  public RecordingEvent twilioRecording(UUID attemptId, Map<String, String> params) {
    String sid = params.getOrDefault("RecordingSid", "");
    String status = params.getOrDefault("RecordingStatus", "");
    Long duration = params.containsKey("RecordingDuration") ? (long) parseInt(params.get("RecordingDuration")) : null;
    return new RecordingEvent(sid + ":" + status, "twilio", attemptId, params.get("CallSid"), sid,
        params.get("RecordingUrl"), status, duration);
  }

  /** The recording a Retell call_ended/call_analyzed payload names in {@code recording_url}, if any. */
  public Optional<RecordingEvent> retellRecording(UUID attemptId, JsonNode call) {
    String url = call.path("recording_url").asText("");
    String callId = call.path("call_id").asText("");
    if (url.isBlank() || callId.isBlank()) {
      return Optional.empty();
    }
    JsonNode duration = call.path("duration_ms");
    // one recording per Retell call: call_ended and call_analyzed name the same one, stored once
    return Optional.of(new RecordingEvent("recording:" + callId, "retell", attemptId, callId, callId, url,
        RecordingEvent.COMPLETED, duration.isNumber() ? Math.round(duration.asLong() / 1000.0) : null));
  }

  /** Checks Retell's {@code x-retell-signature} over the raw body. */
  public boolean validRetell(String rawBody, String signature) {
    String key = retellApiKey;
    return key != null && !key.isBlank() && signature != null
        && RetellSignatures.valid(key, rawBody, signature, Instant.now());
  }

  /** A Retell webhook ({@code call_started}, {@code call_ended}, {@code call_analyzed}) as an event of our own. */
  public ProviderEvent retellEvent(UUID attemptId, String event, JsonNode call) {
    RetellCallState status = RetellCallState.of(call);
    int sequence = switch (event) {
      case "call_started" -> 1;
      case "call_ended" -> 2;
      default -> 3;
    };
    return new ProviderEvent(status.callId() + ":" + event, "retell", attemptId, status.callId(), sequence,
        status.status(), status.terminal(), disposition(status.disposition()), status.durationSeconds());
  }

  private static Disposition disposition(ProviderDisposition ending) {
    return ending == null ? null : Disposition.valueOf(ending.name());
  }

  private static int parseInt(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
