package dev.vocero.domain.telephony;

import com.twilio.security.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Twilio's {@code X-Twilio-Signature}: Base64(HMAC-SHA1(authToken, url + each sorted param's key + value)). */
public final class TwilioSignatures {
  private static final String HMAC_SHA1 = "HmacSHA1";

  /** A thread's HMAC for one token: Mac.getInstance and init cost more than hashing a callback. */
  private record KeyedMac(String token, Mac mac) {}

  private static final ThreadLocal<KeyedMac> MACS = new ThreadLocal<>();

  private TwilioSignatures() {
  }

  /**
   * True when the header signs exactly this public URL (query string included) and these form parameters. Twilio's
   * {@link RequestValidator} accepts a signature over the URL with or without its default port and always computes
   * both (two URI parses, two fresh Macs); one of the two is the URL as given, so that one is checked first, alone,
   * and the validator runs only when it does not match. The set of accepted signatures is the same.
   */
  public static boolean valid(String authToken, String url, Map<String, String> formParams, String signatureHeader) {
    if (authToken == null || authToken.isBlank() || signatureHeader == null || signatureHeader.isBlank()) {
      return false;
    }
    Map<String, String> params = formParams == null ? Map.of() : formParams;
    byte[] expected = sign(authToken, url, params).getBytes(StandardCharsets.US_ASCII);
    if (MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    return new RequestValidator(authToken).validate(url, params, signatureHeader);
  }

  /** The header Twilio would send for a form POST of {@code params} to {@code url}. */
  public static String sign(String authToken, String url, Map<String, String> params) {
    int length = url.length();
    for (Map.Entry<String, String> param : params.entrySet()) {
      length += param.getKey().length() + (param.getValue() == null ? 0 : param.getValue().length());
    }
    StringBuilder data = new StringBuilder(length).append(url); // sized once: growing it was most of sign's garbage
    new TreeMap<>(params).forEach((key, value) -> data.append(key).append(value == null ? "" : value));
    return Base64.getEncoder().encodeToString(hmacSha1(authToken, data.toString()));
  }

  private static byte[] hmacSha1(String authToken, String data) {
    KeyedMac keyed = MACS.get();
    if (keyed == null || !keyed.token().equals(authToken)) {
      try {
        Mac mac = Mac.getInstance(HMAC_SHA1);
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC_SHA1));
        keyed = new KeyedMac(authToken, mac);
        MACS.set(keyed);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(HMAC_SHA1 + " is unavailable in this JVM", e);
      }
    }
    return keyed.mac().doFinal(data.getBytes(StandardCharsets.UTF_8)); // doFinal resets the Mac for the next call
  }
}
