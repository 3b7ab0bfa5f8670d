package dev.vocero.activities.calls;

import java.net.URI;
import java.util.UUID;

/**
 * The public addresses providers call back on. They carry the attempt id, which is how a callback finds
 * its contact's workflow; the signature check uses exactly these URLs.
 */
public record CallbackUrls(String publicBaseUrl) {

  public CallbackUrls {
    publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
  }

  public URI answer(UUID attemptId) {
    return URI.create(publicBaseUrl + "/twiml/calls/" + attemptId);
  }

  public URI status(UUID attemptId) {
    return URI.create(publicBaseUrl + "/webhooks/twilio/voice/status?attemptId=" + attemptId);
  }

  public URI recording(UUID attemptId) {
    return URI.create(publicBaseUrl + "/webhooks/twilio/voice/recording?attemptId=" + attemptId);
  }
}
