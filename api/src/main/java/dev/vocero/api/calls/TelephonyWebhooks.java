package dev.vocero.api.calls;

import dev.vocero.workflows.calls.ProviderEvent;
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
}
