package dev.vocero.domain.telephony;

import com.twilio.security.RequestValidator;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** Twilio's {@code X-Twilio-Signature}: Base64(HMAC-SHA1(authToken, url + each sorted param's key + value)). */
public final class TwilioSignatures {

  private TwilioSignatures() {
  }

  /** True when the header signs exactly this public URL (query string included) and these form parameters. */
  public static boolean valid(String authToken, String url, Map<String, String> formParams, String signatureHeader) {
    if (authToken == null || authToken.isBlank() || signatureHeader == null || signatureHeader.isBlank()) {
      return false;
    }
    return new RequestValidator(authToken).validate(url, formParams == null ? Map.of() : formParams,
        signatureHeader);
  }

  /** The header Twilio would send for a form POST of {@code params} to {@code url}. */
  public static String sign(String authToken, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((key, value) -> data.append(key).append(value));
    return Base64.getEncoder().encodeToString(Hmacs.hmac("HmacSHA1", authToken, data.toString()));
  }
}
