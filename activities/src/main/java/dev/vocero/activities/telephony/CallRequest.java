package dev.vocero.activities.telephony;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One outbound dial.
 *
 * @param to E.164 destination
 * @param from E.164 caller id; null means the provider config's {@code fromNumber}
 * @param answerUrl our {@code /twiml/calls/{attemptId}}
 * @param recordingCallbackUrl null means no recording
 * @param machineDetection null, {@code Enable} or {@code DetectMessageEnd}
 * @param ringTimeoutSeconds 0 or less means the provider config's default
 * @param variables per-contact dynamic variables (Retell prompt variables); null values are sent as empty text
 */
public record CallRequest(UUID attemptId, String to, String from, URI answerUrl, URI statusCallbackUrl,
                          URI recordingCallbackUrl, String machineDetection, int ringTimeoutSeconds,
                          Map<String, String> variables) {

  public CallRequest {
    variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }
}
