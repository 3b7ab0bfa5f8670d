package dev.vocero.workers.logging;

import dev.vocero.domain.phones.MaskedPhone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks phone numbers in an access-log line's request ({@code "GET /api/v1/dnc/+573001234560 HTTP/1.1"}). */
public final class AccessLogMasking {
  // "+57…" or its URL-encoded "%2B57…"; or a bare run of 8-15 digits that is not part of a UUID or a word
  private static final Pattern PHONE = Pattern.compile("(?:\\+|%2[Bb])\\d{7,15}|(?<![\\w-])\\d{8,15}(?![\\w-])");

  private AccessLogMasking() {}

  /** The line with every phone-like number inside its first quoted part (the request line) masked. */
  public static String mask(String line) {
    int start = line.indexOf('"');
    int end = start < 0 ? -1 : line.indexOf('"', start + 1);
    if (end < 0) {
      return line;
    }
    Matcher m = PHONE.matcher(line.substring(start, end));
    StringBuilder masked = new StringBuilder(line.length()).append(line, 0, start);
    while (m.find()) {
      String number = m.group();
      String digits = number.startsWith("%") ? "+" + number.substring(3) : number;
      m.appendReplacement(masked, Matcher.quoteReplacement(MaskedPhone.of(digits)));
    }
    m.appendTail(masked);
    return masked.append(line, end, line.length()).toString();
  }
}
