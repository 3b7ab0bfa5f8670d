package dev.vocero.activities.spreadsheets;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts typed as text in either convention: "1.234,56", "1,234.56", "$ 1.234", "COP 1 234 567", "(500)".
 * The last separator is the decimal one unless it is followed by exactly three digits after a 1–3 digit group
 * ("1.234" is a thousand); grouping must then come in threes. Anything else is refused rather than guessed.
 */
final class AmountParser {
  private static final Pattern SHAPE = Pattern.compile(
      "(?i)([+-]?)\\s*(?:[a-z]{0,3}\\$|€|£|[a-z]{3}\\b)?\\s*([+-]?)\\s*(\\d[\\d.,' ]*?)\\s*(?:€|\\$|[a-z]{3})?");
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:[.,]\\d{3})+");

  private AmountParser() {
  }

  /** The amount, or null when the text is not one. */
  static BigDecimal parse(String text) {
    String trimmed = text.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
    boolean parenthesised = trimmed.startsWith("(") && trimmed.endsWith(")");
    if (parenthesised) {
      trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
    }
    Matcher shape = SHAPE.matcher(trimmed);
    if (!shape.matches() || !shape.group(1).isEmpty() && !shape.group(2).isEmpty()) {
      return null;
    }
    BigDecimal magnitude = magnitude(shape.group(3).replace(" ", "").replace("'", ""));
    if (magnitude == null) {
      return null;
    }
    boolean negative = parenthesised || "-".equals(shape.group(1)) || "-".equals(shape.group(2));
    return negative ? magnitude.negate() : magnitude;
  }

  private static BigDecimal magnitude(String digits) {
    int last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
    if (last < 0) {
      return new BigDecimal(digits);
    }
    if (last == digits.length() - 1) {
      return null;
    }
    char separator = digits.charAt(last);
    String before = digits.substring(0, last);
    String after = digits.substring(last + 1);
    boolean sameSeparatorEarlier = before.indexOf(separator) >= 0;
    boolean thousandsOnly = sameSeparatorEarlier || after.length() == 3 && GROUPED.matcher(digits).matches()
        && before.indexOf(otherSeparator(separator)) < 0 && !before.startsWith("0");
    if (thousandsOnly) {
      return GROUPED.matcher(digits).matches() && !mixed(digits) ? new BigDecimal(digitsOnly(digits)) : null;
    }
    if (!before.isEmpty() && before.indexOf(separator) < 0 && !groupedOrPlain(before)) {
      return null;
    }
    return new BigDecimal(digitsOnly(before) + "." + after);
  }

  private static boolean groupedOrPlain(String integerPart) {
    return integerPart.chars().allMatch(Character::isDigit)
        || GROUPED.matcher(integerPart).matches() && !mixed(integerPart);
  }

  private static boolean mixed(String digits) {
    return digits.indexOf('.') >= 0 && digits.indexOf(',') >= 0;
  }

  private static char otherSeparator(char separator) {
    return separator == '.' ? ',' : '.';
  }

  private static String digitsOnly(String text) {
    return text.replace(".", "").replace(",", "");
  }
}
