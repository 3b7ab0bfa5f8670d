package dev.vocero.activities.telephony;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.AuthenticationException;
import com.twilio.exception.TwilioException;
import java.time.Duration;
import java.util.Set;

/** Turns twilio-java exceptions into {@link TelephonyException}s. */
final class TwilioErrors {

  /** REST error codes about the destination: invalid, unreachable, not allowed or not voice-capable. */
  private static final Set<Integer> INVALID_NUMBER_CODES = Set.of(21211, 21214, 21217, 21401, 21407, 13224);
  private static final int AUTHENTICATION_FAILED = 20003;

  private TwilioErrors() {
  }

  static TelephonyException map(String step, TwilioException e) {
    if (e instanceof ApiException api) {
      return fromApi(step, api);
    }
    if (e instanceof AuthenticationException) {
      return new TelephonyException(TelephonyException.Kind.UNAUTHORIZED, 0, null,
          "twilio " + step + ": credentials missing; set telephony.twilio.accountSid and authToken", e);
    }
    String why = e instanceof ApiConnectionException ? "could not reach api.twilio.com" : e.getClass().getSimpleName();
    return new TelephonyException(TelephonyException.Kind.RETRYABLE, 0, null,
        "twilio " + step + " failed (" + why + "); will retry", e);
  }

  /** The 404 of a fetch means "no such call", not a failure. */
  static boolean notFound(TwilioException e) {
    return e instanceof ApiException api && (status(api) == 404 || Integer.valueOf(20404).equals(api.getCode()));
  }

  private static TelephonyException fromApi(String step, ApiException e) {
    int status = status(e);
    Integer code = e.getCode();
    String message = "twilio " + step + " failed: HTTP " + (status == 0 ? "?" : status)
        + (code == null ? "" : ", error " + code) + " (" + e.getMessage() + ")"
        + (e.getMoreInfo() == null ? "" : " " + e.getMoreInfo());
    TelephonyException.Kind kind;
    if (code != null && INVALID_NUMBER_CODES.contains(code)) {
      kind = TelephonyException.Kind.INVALID_NUMBER;
    } else if (status == 401 || Integer.valueOf(AUTHENTICATION_FAILED).equals(code)) {
      kind = TelephonyException.Kind.UNAUTHORIZED;
    } else if (status == 0 || status == 429 || status >= 500) {
      // status 0: the error body was not Twilio JSON (a proxy's page), so the outage is not ours to judge
      kind = TelephonyException.Kind.RETRYABLE;
    } else {
      kind = TelephonyException.Kind.REJECTED;
    }
    Duration retryAfter = kind == TelephonyException.Kind.RETRYABLE ? TwilioHttp.lastRetryAfter() : null;
    return new TelephonyException(kind, status, retryAfter, message, e);
  }

  private static int status(ApiException e) {
    Integer status = e.getStatusCode() != null ? e.getStatusCode() : e.getHttpStatusCode();
    return status == null ? 0 : status;
  }
}
