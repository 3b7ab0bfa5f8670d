package dev.vocero.domain.spreadsheets;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates typed as text: ISO (2024-03-15) or day first (15/03/2024, 5-3-2024, 15.03.24), the Spanish order;
 * a US month-first date fails instead of being read as the wrong day. A trailing time is ignored.
 */
final class DateParser {
  private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T ].*)?");
  private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4}|\\d{2})(?: .*)?");

  private DateParser() {
  }

  /** The date, or null when the text is not one. */
  static LocalDate parse(String text) {
    String trimmed = text.strip();
    Matcher iso = YEAR_FIRST.matcher(trimmed);
    if (iso.matches()) {
      return date(iso.group(1), iso.group(2), iso.group(3));
    }
    Matcher dayFirst = DAY_FIRST.matcher(trimmed);
    if (dayFirst.matches()) {
      String year = dayFirst.group(3).length() == 2 ? "20" + dayFirst.group(3) : dayFirst.group(3);
      return date(year, dayFirst.group(2), dayFirst.group(1));
    }
    return null;
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
