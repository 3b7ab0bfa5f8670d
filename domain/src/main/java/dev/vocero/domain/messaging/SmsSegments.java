package dev.vocero.domain.messaging;

/**
 * How many SMS segments a body takes, as carriers count them (3GPP TS 23.038 / GSM 03.38): a body made only of the GSM
 * 7-bit default alphabet and its extension table is sent as GSM-7, 160 septets in one segment or 153 per segment when
 * concatenated (an extension character takes two septets and is never split); anything else is sent as UCS-2, 70 UTF-16
 * units in one segment or 67 per segment (a surrogate pair is never split). No library we use counts this (Twilio's SDK
 * and libphonenumber do not), and the tables are small and fixed by the standard.
 */
public final class SmsSegments {
  /** The GSM 03.38 default alphabet (each one septet); the escape (0x1B) is not a character of its own. */
  private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  /** The extension table: each one costs an escape plus itself, two septets. */
  private static final String EXTENSION = "\f^{}\\[~]|€";

  private SmsSegments() {}

  public enum Encoding { GSM7, UCS2 }

  public record Count(Encoding encoding, int units, int segments) {}

  public static Count count(String body) {
    String text = body == null ? "" : body;
    return gsm7(text) ? countGsm7(text) : countUcs2(text);
  }

  public static int segments(String body) {
    return count(body).segments();
  }

  static boolean gsm7(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static Count countGsm7(String text) {
    int septets = 0;
    for (int i = 0; i < text.length(); i++) {
      septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
    }
    if (septets <= 160) {
      return new Count(Encoding.GSM7, septets, 1);
    }
    int segments = 1;
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      int width = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
      if (used + width > 153) {
        segments++;
        used = 0;
      }
      used += width;
    }
    return new Count(Encoding.GSM7, septets, segments);
  }

  private static Count countUcs2(String text) {
    int units = text.length();
    if (units <= 70) {
      return new Count(Encoding.UCS2, units, 1);
    }
    int segments = 1;
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      int width = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
      if (used + width > 67) {
        segments++;
        used = 0;
      }
      used += width;
      i += width - 1;
    }
    return new Count(Encoding.UCS2, units, segments);
  }
}
