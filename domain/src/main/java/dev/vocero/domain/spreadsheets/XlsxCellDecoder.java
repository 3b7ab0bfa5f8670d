package dev.vocero.domain.spreadsheets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/** Turns the raw parts of a sheet-XML cell into a {@link SheetCell}; never evaluates formulas. */
final class XlsxCellDecoder {
  private final PackedStrings strings;
  private final StylesTable styles;
  private final boolean date1904;
  private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
  private final NumberStyle[] numberStyles;

  private static final NumberStyle GENERAL = new NumberStyle(0, "General", false, null);

  private record NumberStyle(int index, String format, boolean date, Function<BigDecimal, String> display) {
    boolean general() {
      return index == 0 || "General".equalsIgnoreCase(format);
    }
  }

  XlsxCellDecoder(PackedStrings strings, StylesTable styles, boolean date1904) {
    this.strings = strings;
    this.styles = styles;
    this.date1904 = date1904;
    this.numberStyles = new NumberStyle[styles == null ? 0 : styles.getNumCellStyles()];
  }

  /**
   * @param type the cell's t attribute (null means number)
   * @param value text of the v element, null when absent
   * @param inline text of an inline string, null when absent
   */
  SheetCell decode(String type, int style, String value, boolean formula, String formulaText, String inline) {
    if ("e".equals(type)) {
      return SheetCell.unusable(value == null || value.isEmpty() ? "#ERROR" : value);
    }
    if (formula && value == null) {
      return SheetCell.unusable(formulaText.isEmpty() ? "=?" : "=" + formulaText);
    }
    if (type == null || "n".equals(type)) {
      return value == null || value.isBlank() ? SheetCell.EMPTY : number(value, style);
    }
    return switch (type) {
      case "s" -> SheetCell.text(sharedString(value));
      case "inlineStr" -> SheetCell.text(inline == null ? "" : inline);
      case "b" -> SheetCell.text("1".equals(value) ? "TRUE" : "FALSE");
      case "d" -> isoDate(value);
      default -> SheetCell.text(value == null ? "" : value);
    };
  }

  /** Whether the cell would decode to blank text, without formatting numbers or dates. */
  boolean isBlank(String type, String value, boolean formula, String inline) {
    if ("e".equals(type) || formula && value == null) {
      return false;
    }
    if ("s".equals(type)) {
      return strings.isBlank(sharedIndex(value));
    }
    if ("inlineStr".equals(type)) {
      return inline == null || inline.isBlank();
    }
    return !"b".equals(type) && (value == null || value.isBlank());
  }

  /** The characters the cell's text holds, without copying a shared string; 0 for numbers. */
  int textLength(String type, String value, String inline) {
    if ("s".equals(type)) {
      return strings.length(sharedIndex(value));
    }
    if ("inlineStr".equals(type)) {
      return inline == null ? 0 : inline.length();
    }
    return type == null || "n".equals(type) || value == null ? 0 : value.length();
  }

  private String sharedString(String index) {
    return strings.get(sharedIndex(index));
  }

  private static int sharedIndex(String index) {
    return Integer.parseInt(index.strip());
  }

  private SheetCell number(String value, int style) {
    BigDecimal number = SheetCell.excelNumber(value);
    NumberStyle format = numberStyle(style);
    double raw = number.doubleValue();
    if (format.date() && raw >= 1 && DateUtil.isValidExcelDate(raw)) {
      LocalDateTime at = ExcelSerial.toDateTime(raw, date1904);
      String text = at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
      return SheetCell.date(at.toLocalDate(), text);
    }
    return format.general() ? SheetCell.number(number) : SheetCell.number(number, format.display());
  }

  private NumberStyle numberStyle(int style) {
    if (style < 0 || style >= numberStyles.length) {
      return GENERAL;
    }
    if (numberStyles[style] == null) {
      XSSFCellStyle cellStyle = styles.getStyleAt(style);
      int index = cellStyle.getDataFormat();
      String format = cellStyle.getDataFormatString();
      boolean date = format != null && DateUtil.isADateFormat(index, format);
      numberStyles[style] = new NumberStyle(index, format, date,
          value -> formatter.formatRawCellContents(value.doubleValue(), index, format));
    }
    return numberStyles[style];
  }

  private static SheetCell isoDate(String value) {
    try {
      LocalDate date = LocalDate.parse(value.strip().substring(0, 10));
      return SheetCell.date(date, date.toString());
    } catch (RuntimeException e) {
      return SheetCell.text(value == null ? "" : value);
    }
  }
}
