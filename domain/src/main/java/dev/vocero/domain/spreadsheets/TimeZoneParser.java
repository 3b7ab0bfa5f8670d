package dev.vocero.domain.spreadsheets;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time-zone cell: an IANA id in any letter case ("america/bogota") or a UTC offset ("-05:00", "GMT-5",
 * "UTC-0500"). City names and abbreviations outside the IANA list are refused: a wrong zone means calls at night.
 */
final class TimeZoneParser {
  private static final Map<String, String> IANA_BY_LOWERCASE = new HashMap<>();
  private static final Pattern OFFSET = Pattern.compile(
      "(?i)(?:UTC|GMT|UT)?\\s*([+\\-\u2212])\\s*(\\d{1,2})(?::?(\\d{2}))?");

  static {
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (!id.startsWith("SystemV/")) {
        IANA_BY_LOWERCASE.put(id.toLowerCase(Locale.ROOT), id);
      }
    }
  }

  private TimeZoneParser() {
  }

  /** The IANA id or the offset id ("-05:00"), or null when the text is neither. */
  static String parse(String text) {
    String trimmed = text.strip();
    String iana = IANA_BY_LOWERCASE.get(trimmed.toLowerCase(Locale.ROOT));
    if (iana != null) {
      return iana;
    }
    Matcher offset = OFFSET.matcher(trimmed);
    if (!offset.matches()) {
      return null;
    }
    int sign = "+".equals(offset.group(1)) ? 1 : -1;
    int hours = Integer.parseInt(offset.group(2));
    int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
    if (hours > 14 || minutes > 59) {
      return null;
    }
    try {
      ZoneOffset zone = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
