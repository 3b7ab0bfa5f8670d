package dev.vocero.domain.telephony;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retell's {@code x-retell-signature}: {@code v={unix ms},d={hex HMAC-SHA256(apiKey, rawBody + ms)}}, rejected when
 * the timestamp is more than 5 minutes from now (docs.retellai.com/features/secure-webhook; the SDKs' verify()).
 */
public final class RetellSignatures {

  static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final Pattern HEADER = Pattern.compile("v=(\\d+),d=([0-9a-fA-F]+)");

  private RetellSignatures() {
  }

  /** True when the header signs exactly these body bytes (as UTF-8 text) with this key, within the tolerance. */
  public static boolean valid(String apiKey, String rawBody, String header, Instant now) {
    if (apiKey == null || apiKey.isBlank() || rawBody == null || header == null) {
      return false;
    }
    Matcher m = HEADER.matcher(header.trim());
    if (!m.matches()) {
      return false;
    }
    long timestamp;
    byte[] actual;
    try {
      timestamp = Long.parseLong(m.group(1));
      actual = HexFormat.of().parseHex(m.group(2));
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (Math.abs(now.toEpochMilli() - timestamp) > TOLERANCE.toMillis()) {
      return false;
    }
    return MessageDigest.isEqual(hmac(apiKey, rawBody, timestamp), actual);
  }

  /** The header Retell would send for {@code rawBody} at {@code at}. */
  public static String sign(String apiKey, String rawBody, Instant at) {
    long timestamp = at.toEpochMilli();
    return "v=" + timestamp + ",d=" + HexFormat.of().formatHex(hmac(apiKey, rawBody, timestamp));
  }

  private static byte[] hmac(String apiKey, String rawBody, long timestamp) {
    return Hmacs.hmac("HmacSHA256", apiKey, rawBody + timestamp);
  }
}
