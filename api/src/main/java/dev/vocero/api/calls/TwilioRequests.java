package dev.vocero.api.calls;

import dev.vocero.api.errors.ApiException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Requests Twilio makes to us (callbacks, TwiML fetches): signed over our public URL and the form fields. */
public final class TwilioRequests {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioRequests.class);

  private TwilioRequests() {}

  /**
   * The form fields of a request whose X-Twilio-Signature is valid; 403 otherwise, and 422 for a field holding a NUL,
   * before anything is stored.
   */
  public static Map<String, String> verified(TelephonyWebhooks webhooks, UriInfo uri, String signature,
      MultivaluedMap<String, String> form) {
    Map<String, String> params = new LinkedHashMap<>();
    if (form != null) {
      // a name without '=' reaches us as a null value: empty, as it is signed (a null answered 500)
      form.forEach((k, v) -> params.put(k, v.isEmpty() || v.get(0) == null ? "" : v.get(0)));
    }
    return verified(webhooks, uri.getPath(), uri.getRequestUri().getRawQuery(), signature, params);
  }

  /**
   * The same check for a request read without JAX-RS: {@code path} without its leading slash, {@code rawQuery} as sent
   * (null for none), {@code params} each form field's first value. Returns {@code params}.
   */
  public static Map<String, String> verified(TelephonyWebhooks webhooks, String path, String rawQuery, String signature,
      Map<String, String> params) {
    String url = webhooks.publicBaseUrl() + "/" + path + (rawQuery == null ? "" : "?" + rawQuery);
    if (signature == null || !webhooks.validTwilio(url, params, signature)) {
      LOG.warn("Rejected a Twilio request with a {} signature", signature == null ? "missing" : "wrong");
      throw new ApiException(403, "invalid_signature",
          "The X-Twilio-Signature header does not match this request. Nothing was stored.");
    }
    params.forEach((name, value) -> {
      if (value.indexOf('\u0000') >= 0) { // PostgreSQL cannot store one; Twilio never sends one
        throw ApiException.invalidField("invalid_request", name, "nul_character",
            "Field '" + name + "' must not contain NUL characters. Nothing was stored.");
      }
    });
    return params;
  }
}
