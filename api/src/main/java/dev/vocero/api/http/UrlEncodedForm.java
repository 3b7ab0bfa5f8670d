package dev.vocero.api.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringTokenizer;

/**
 * An {@code application/x-www-form-urlencoded} UTF-8 body read as Jersey's form reader reads it ({@code &}-separated,
 * empty pairs and pairs with an empty name skipped, URL-decoded), keeping each name's first value.
 */
public final class UrlEncodedForm {
  private UrlEncodedForm() {}

  /**
   * Each name's first value, in the order sent; null when only Jersey's reader can say what the body means: a name
   * without {@code =} (Jersey keeps a null value) or a malformed escape (Jersey answers 400).
   */
  public static Map<String, String> firstValues(byte[] body) {
    Map<String, String> params = new LinkedHashMap<>();
    StringTokenizer pairs = new StringTokenizer(new String(body, StandardCharsets.UTF_8), "&");
    while (pairs.hasMoreTokens()) {
      String pair = pairs.nextToken();
      int equals = pair.indexOf('=');
      if (equals < 0) {
        return null;
      }
      if (equals > 0) {
        String name = decode(pair.substring(0, equals));
        String value = decode(pair.substring(equals + 1));
        if (name == null || value == null) {
          return null;
        }
        params.putIfAbsent(name, value);
      }
    }
    return params;
  }

  private static String decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }
}
