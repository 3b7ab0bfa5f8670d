package dev.vocero.activities.spreadsheets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/**
 * One cell as read. {@code text} is what a person sees; {@code number} and {@code date} keep the exact value of
 * numeric and date cells. UNUSABLE is a formula without a cached result or an error value such as #N/A.
 */
record SheetCell(Kind kind, String text, BigDecimal number, LocalDate date) {
  enum Kind { TEXT, NUMBER, DATE, UNUSABLE }

  static final SheetCell EMPTY = new SheetCell(Kind.TEXT, "", null, null);

  // Excel keeps 15 significant digits; more are binary noise ("0.30000000000000004").
  private static final MathContext EXCEL_PRECISION = new MathContext(15);

  static SheetCell text(String text) {
    return text.isEmpty() ? EMPTY : new SheetCell(Kind.TEXT, text, null, null);
  }

  static SheetCell number(BigDecimal number, String text) {
    return new SheetCell(Kind.NUMBER, text, number, null);
  }

  static SheetCell date(LocalDate date, String text) {
    return new SheetCell(Kind.DATE, text, null, date);
  }

  static SheetCell unusable(String text) {
    return new SheetCell(Kind.UNUSABLE, text, null, null);
  }

  /** A number as Excel would store it, without exponent or trailing zeros: 5.73001234567E11 becomes 573001234567. */
  static BigDecimal excelNumber(String raw) {
    BigDecimal value = new BigDecimal(raw.strip()).round(EXCEL_PRECISION).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  boolean isBlank() {
    return kind == Kind.TEXT && text.isBlank();
  }

  /** The text, except that a numeric cell gives its plain digits whatever its display format (phones, ids). */
  String plainText() {
    return kind == Kind.NUMBER ? number.toPlainString() : text.strip();
  }
}
