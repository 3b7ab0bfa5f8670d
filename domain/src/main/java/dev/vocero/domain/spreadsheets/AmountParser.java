package dev.vocero.domain.spreadsheets;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts typed as text in either convention: "1.234,56", "1,234.56", "$ 1.234", "COP 1 234 567", "(500)".
 * The last separator is the decimal one, unless it is the only one and sits after a 1–3 digit group followed by
 * exactly three digits ("1.234" is a thousand). Grouping must come in threes; anything else is refused, not guessed.
 */
final class AmountParser {
  private static final String CODES = "COP|MXN|CLP|USD|EUR|PEN|ARS|BRL|UYU|GTQ|DOP|CRC|BOB|PYG|HNL|NIO|GBP|CAD";
  private static final Pattern SHAPE = Pattern.compile("(?i)([+-]?)\\s*(?:(?:US|COL|MX|CLP|CL|AR)?\\$|€|£|(?:"
      + CODES + ")(?![a-z]))?\\s*([+-]?)\\s*(\\d[\\d.,' ]*?)\\s*(?:€|\\$|" + CODES + ")?");

  private AmountParser() {
  }

  /** The amount, or null when the text is not one. */
  static BigDecimal parse(String text) {
    String trimmed = text.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
    boolean parenthesised = trimmed.length() > 2 && trimmed.startsWith("(") && trimmed.endsWith(")");
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
    char other = separator == '.' ? ',' : '.';
    String integerPart = digits.substring(0, last);
    String fraction = digits.substring(last + 1);
    if (integerPart.indexOf(separator) >= 0) {
      return groupedBy(digits, separator) ? new BigDecimal(digits.replace(String.valueOf(separator), "")) : null;
    }
    boolean thousands = integerPart.indexOf(other) < 0 && fraction.length() == 3 && integerPart.length() <= 3
        && !integerPart.startsWith("0");
    if (thousands) {
      return new BigDecimal(integerPart + fraction);
    }
    if (integerPart.indexOf(other) >= 0) {
      if (!groupedBy(integerPart, other)) {
        return null;
      }
      integerPart = integerPart.replace(String.valueOf(other), "");
    }
    return new BigDecimal(integerPart + "." + fraction);
  }

  private static boolean groupedBy(String digits, char separator) {
    return digits.matches("\\d{1,3}(?:" + Pattern.quote(String.valueOf(separator)) + "\\d{3})+");
  }
}
