package dev.vocero.domain.spreadsheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds xlsx fixtures in memory with POI's writer, and rewrites their parts to craft hostile files. */
final class Workbooks {
  /** A formula cell; cached is a String, Number, FormulaError or null for "never calculated". */
  record Formula(String formula, Object cached) {
  }

  private Workbooks() {
  }

  /** Rows of cells: String, Number, LocalDate (dd/mm/yyyy style), Formula, or null for no cell. */
  static byte[] xlsx(Object[]... rows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("Deudores");
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      for (int r = 0; r < rows.length; r++) {
        if (rows[r] == null) {
          continue;
        }
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          if (rows[r][c] != null) {
            set(row.createCell(c), rows[r][c], dateStyle);
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void set(Cell cell, Object value, CellStyle dateStyle) {
    if (value instanceof String text) {
      cell.setCellValue(text);
    } else if (value instanceof Number number) {
      cell.setCellValue(number.doubleValue());
    } else if (value instanceof LocalDate date) {
      cell.setCellValue(date);
      cell.setCellStyle(dateStyle);
    } else if (value instanceof Formula formula) {
      cell.setCellFormula(formula.formula());
      if (formula.cached() instanceof String text) {
        cell.setCellValue(text);
      } else if (formula.cached() instanceof Number number) {
        cell.setCellValue(number.doubleValue());
      } else if (formula.cached() instanceof FormulaError error) {
        cell.setCellErrorValue(error.getCode());
      }
    } else {
      throw new IllegalArgumentException("unsupported fixture value " + value);
    }
  }

  /** The same zip with some entries' content replaced. */
  static byte[] replaceEntries(byte[] zip, Map<String, byte[]> replacements) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      try (ZipOutputStream out = new ZipOutputStream(bytes)) {
        for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
          out.putNextEntry(new ZipEntry(entry.getName()));
          byte[] replacement = replacements.get(entry.getName());
          out.write(replacement != null ? replacement : in.readAllBytes());
          out.closeEntry();
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A zip holding only the given entries. */
  static byte[] zip(Map<String, byte[]> entries) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      try (ZipOutputStream out = new ZipOutputStream(bytes)) {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
          out.putNextEntry(new ZipEntry(entry.getKey()));
          out.write(entry.getValue());
          out.closeEntry();
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
