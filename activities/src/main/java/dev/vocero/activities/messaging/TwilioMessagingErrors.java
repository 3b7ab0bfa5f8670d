package dev.vocero.activities.messaging;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import dev.vocero.activities.telephony.TwilioHttp;

/** Twilio's errors by class: an outage is retried, a refusal (bad number, opted out, no template...) is final. */
final class TwilioMessagingErrors {
  private TwilioMessagingErrors() {}

  static MessagingException map(TwilioException e) {
    if (!(e instanceof ApiException api)) {
      return new MessagingException(MessagingException.Kind.RETRYABLE, null,
          "twilio send message failed (" + e.getClass().getSimpleName() + "); will retry", e);
    }
    Integer statusCode = api.getStatusCode() != null ? api.getStatusCode() : api.getHttpStatusCode();
    int status = statusCode == null ? 0 : statusCode;
    String code = api.getCode() == null ? null : String.valueOf(api.getCode());
    String message = "twilio send message failed: HTTP " + (status == 0 ? "?" : status)
        + (code == null ? "" : ", error " + code) + " (" + api.getMessage() + ")";
    boolean retryable = status == 0 || status == 429 || status >= 500;
    return retryable
        ? new MessagingException(MessagingException.Kind.RETRYABLE, code, TwilioHttp.lastRetryAfter(), message, e)
        : new MessagingException(MessagingException.Kind.REJECTED, code, message, e);
  }
}
