package dev.vocero.domain.spreadsheets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * One cell as read. {@link #text()} is what a person sees; {@link #number()} and {@link #date()} keep the exact
 * value of numeric and date cells. UNUSABLE is a formula without a cached result or an error value such as #N/A.
 * The display text of a number is formatted only when asked for: most are never shown.
 */
final class SheetCell {
  enum Kind { TEXT, NUMBER, DATE, UNUSABLE }

  static final SheetCell EMPTY = new SheetCell(Kind.TEXT, "", null, null, null);

  // Excel keeps 15 significant digits; more are binary noise ("0.30000000000000004").
  private static final MathContext EXCEL_PRECISION = new MathContext(15);

  private final Kind kind;
  private final BigDecimal number;
  private final LocalDate date;
  private final Function<BigDecimal, String> display;
  private String text;

  private SheetCell(Kind kind, String text, BigDecimal number, LocalDate date,
      Function<BigDecimal, String> display) {
    this.kind = kind;
    this.text = text;
    this.number = number;
    this.date = date;
    this.display = display;
  }

  static SheetCell text(String text) {
    return text.isEmpty() ? EMPTY : new SheetCell(Kind.TEXT, text, null, null, null);
  }

  /** A number shown in Excel's General format: its plain digits. */
  static SheetCell number(BigDecimal number) {
    return new SheetCell(Kind.NUMBER, null, number, null, BigDecimal::toPlainString);
  }

  /** A number shown through its cell format. */
  static SheetCell number(BigDecimal number, Function<BigDecimal, String> display) {
    return new SheetCell(Kind.NUMBER, null, number, null, display);
  }

  static SheetCell date(LocalDate date, String text) {
    return new SheetCell(Kind.DATE, text, null, date, null);
  }

  static SheetCell unusable(String text) {
    return new SheetCell(Kind.UNUSABLE, text, null, null, null);
  }

  /** A number as Excel would store it, without exponent or trailing zeros: 5.73001234567E11 becomes 573001234567. */
  static BigDecimal excelNumber(String raw) {
    BigDecimal value = new BigDecimal(raw.strip()).round(EXCEL_PRECISION).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  Kind kind() {
    return kind;
  }

  String text() {
    if (text == null) {
      text = display.apply(number);
    }
    return text;
  }

  BigDecimal number() {
    return number;
  }

  LocalDate date() {
    return date;
  }

  boolean isBlank() {
    return kind == Kind.TEXT && text.isBlank();
  }

  /** The text, except that a numeric cell gives its plain digits whatever its display format (phones, ids). */
  String plainText() {
    return kind == Kind.NUMBER ? number.toPlainString() : text().strip();
  }
}
