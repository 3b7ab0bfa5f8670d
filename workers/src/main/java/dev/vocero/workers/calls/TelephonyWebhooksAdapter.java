package dev.vocero.workers.calls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.activities.telephony.CallStatusInfo;
import dev.vocero.activities.telephony.RetellCalls;
import dev.vocero.activities.telephony.RetellSignatures;
import dev.vocero.activities.telephony.TwilioSignatures;
import java.time.Instant;
import dev.vocero.activities.telephony.TwilioStatuses;
import dev.vocero.api.calls.TelephonyWebhooks;
import dev.vocero.workers.config.TelephonyConfig;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.calls.ProviderEvent;
import dev.vocero.workflows.calls.RecordingEvent;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

/** Twilio's signature rules and status words, for the API's webhook endpoints. */
public final class TelephonyWebhooksAdapter implements TelephonyWebhooks {
  private final TelephonyConfig config;
  private final Optional<String> twilioToken;

  /** {@code dev}: whether the sandbox's token may sign callbacks (only {@code vocero dev}). */
  public TelephonyWebhooksAdapter(TelephonyConfig config, boolean dev) {
    this.config = config;
    this.twilioToken = config.webhookAuthToken(dev);
  }

  @Override
  public String publicBaseUrl() {
    return config.callbackBaseUrl();
  }

  @Override
  public boolean validTwilio(String url, Map<String, String> params, String signature) {
    return twilioToken.map(token -> TwilioSignatures.valid(token, url, params, signature)).orElse(false);
  }

  @Override
  public ProviderEvent twilioStatus(UUID attemptId, Map<String, String> params) {
    String callSid = params.getOrDefault("CallSid", "");
    String status = params.getOrDefault("CallStatus", "unknown");
    int sequence = parseInt(params.get("SequenceNumber"));
    boolean terminal = TwilioStatuses.terminal(status);
    Disposition disposition = terminal
        ? TwilioStatuses.disposition(status, params.get("AnsweredBy"), params.get("SipResponseCode")) : null;
    Long duration = params.containsKey("CallDuration") ? (long) parseInt(params.get("CallDuration")) : null;
    return new ProviderEvent(callSid + ":" + sequence + ":" + status, "twilio", attemptId, callSid, sequence, status,
        terminal, disposition, duration);
  }

  @Override
  public RecordingEvent twilioRecording(UUID attemptId, Map<String, String> params) {
    String sid = params.getOrDefault("RecordingSid", "");
    String status = params.getOrDefault("RecordingStatus", "");
    Long duration = params.containsKey("RecordingDuration") ? (long) parseInt(params.get("RecordingDuration")) : null;
    return new RecordingEvent(sid + ":" + status, "twilio", attemptId, params.get("CallSid"), sid,
        params.get("RecordingUrl"), status, duration);
  }

  @Override
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

  @Override
  public boolean validRetell(String rawBody, String signature) {
    String key = config.getRetell().getApiKey();
    return key != null && !key.isBlank() && signature != null
        && RetellSignatures.valid(key, rawBody, signature, Instant.now());
  }

  @Override
  public ProviderEvent retellEvent(UUID attemptId, String event, JsonNode call) {
    CallStatusInfo status = RetellCalls.status(call);
    int sequence = switch (event) {
      case "call_started" -> 1;
      case "call_ended" -> 2;
      default -> 3;
    };
    return new ProviderEvent(status.providerCallId() + ":" + event, "retell", attemptId, status.providerCallId(), sequence,
        status.status(), status.terminal(), status.disposition(), status.durationSeconds());
  }

  private static int parseInt(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
