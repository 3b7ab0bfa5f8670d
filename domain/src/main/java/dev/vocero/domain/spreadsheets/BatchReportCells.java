package dev.vocero.domain.spreadsheets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Typed cells for the batch report: numbers as numbers, dates as dates with a format, bold headers. */
final class BatchReportCells {
  // Set on plain cells too: a cell without a style makes POI search the column definitions on every flush.
  private final CellStyle plain;
  private final CellStyle header;
  private final CellStyle title;
  private final CellStyle date;
  private final CellStyle dateTime;
  private final CellStyle money;
  private final CellStyle percent;

  BatchReportCells(Workbook workbook) {
    DataFormat formats = workbook.createDataFormat();
    plain = workbook.getCellStyleAt(0);
    Font bold = workbook.createFont();
    bold.setBold(true);
    Font big = workbook.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 14);
    header = workbook.createCellStyle();
    header.setFont(bold);
    title = workbook.createCellStyle();
    title.setFont(big);
    date = formatted(workbook, formats, "dd/mm/yyyy");
    dateTime = formatted(workbook, formats, "dd/mm/yyyy hh:mm");
    money = formatted(workbook, formats, "#,##0.00");
    percent = formatted(workbook, formats, "0.0%");
  }

  void headers(Sheet sheet, int rowIndex, Iterable<String> names) {
    Row row = sheet.createRow(rowIndex);
    int column = 0;
    for (String name : names) {
      Cell cell = row.createCell(column++);
      cell.setCellValue(name);
      cell.setCellStyle(header);
    }
  }

  void title(Row row, int column, String text) {
    Cell cell = row.createCell(column);
    cell.setCellValue(text);
    cell.setCellStyle(title);
  }

  void label(Row row, int column, String text) {
    Cell cell = row.createCell(column);
    cell.setCellValue(text);
    cell.setCellStyle(header);
  }

  void text(Row row, int column, String value) {
    if (value != null && !value.isEmpty()) {
      styled(row, column, plain).setCellValue(BatchReportText.cut(value));
    }
  }

  void number(Row row, int column, double value) {
    styled(row, column, plain).setCellValue(value);
  }

  void money(Row row, int column, BigDecimal value) {
    if (value != null) {
      styled(row, column, money).setCellValue(value.doubleValue());
    }
  }

  void percent(Row row, int column, double fraction) {
    styled(row, column, percent).setCellValue(fraction);
  }

  void date(Row row, int column, LocalDate value) {
    if (value != null) {
      styled(row, column, date).setCellValue(value);
    }
  }

  /** Instants as UTC wall-clock time: Excel dates carry no zone, so the label says "(UTC)". */
  void utc(Row row, int column, Instant value) {
    if (value != null) {
      styled(row, column, dateTime).setCellValue(value.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
  }

  private static Cell styled(Row row, int column, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(style);
    return cell;
  }

  private static CellStyle formatted(Workbook workbook, DataFormat formats, String format) {
    CellStyle style = workbook.createCellStyle();
    style.setDataFormat(formats.getFormat(format));
    return style;
  }
}
