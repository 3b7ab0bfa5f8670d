package dev.vocero.domain.spreadsheets;

import dev.vocero.domain.compliance.PolicySettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class BatchReportWriterTest {
  static final List<String> FULL_NUMBERS = List.of("3001234567", "3105551234", "3209876543", "3117654321");

  static final BatchReportWriter.Summary SUMMARY = new BatchReportWriter.Summary("Cobranza noviembre", "completed",
      Instant.parse("2026-11-10T14:00:00Z"), Instant.parse("2026-11-10T15:30:00Z"), 3, 2, 3, 3,
      Map.of("answered_human", 1L, "no_answer", 1L, "blocked_dnc", 1L));

  static final List<BatchReportWriter.Call> CALLS = List.of(
      new BatchReportWriter.Call(2, "Ana Pérez", List.of("+573001234567", "+573105551234"), "America/Bogota", "done",
          "answered_human", 2,
          List.of(new BatchReportWriter.Attempt(1, 0, "no_answer", Instant.parse("2026-11-10T14:05:00Z"), 0),
              new BatchReportWriter.Attempt(2, 1, "answered_human", Instant.parse("2026-11-10T15:05:00Z"), 42)),
          "done", "answered_human: person answered", new BigDecimal("150000.50"), LocalDate.of(2026, 11, 30)),
      new BatchReportWriter.Call(3, "Luis Gómez", List.of("+573209876543"), "America/Bogota", "done", "no_answer", 1,
          List.of(new BatchReportWriter.Attempt(1, 0, "no_answer", Instant.parse("2026-11-10T14:06:00Z"), null)),
          "done", "no_answer", null, null),
      new BatchReportWriter.Call(5, "Pedro Gil", List.of("+573117654321"), "America/Bogota", "done", "blocked_dnc", 0,
          List.of(), "blocked_dnc", "number is on the do-not-call list", new BigDecimal("10000"), LocalDate.of(2026, 12, 2)));

  static final List<BatchReportWriter.Rejected> REJECTED = List.of(
      new BatchReportWriter.Rejected(7, List.of(new BatchReportWriter.Issue("Teléfono", "missing_phone", "no phone number")),
          values("Nombre", "Sin número", "Teléfono", "", "Monto", "10.000")),
      new BatchReportWriter.Rejected(8, List.of(
          new BatchReportWriter.Issue("Teléfono", "duplicate", "same phone as row 2"),
          new BatchReportWriter.Issue("Fecha", "invalid_date", "not a date")),
          values("Nombre", "Repetida", "Teléfono", "300 123 4567", "Fecha", "mañana")));

  static Map<String, String> values(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static byte[] report() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BatchReportWriter writer = new BatchReportWriter(SUMMARY)) {
      CALLS.forEach(writer::addCall);
      REJECTED.forEach(writer::addRejected);
      writer.writeTo(out);
    }
    return out.toByteArray();
  }

  @Test
  void givenABatch_whenWritten_itShouldHaveTheThreeSpanishSheetsWithBoldFrozenFilteredHeaders() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report()))) {
      assertEquals(List.of("Resumen", "Llamadas", "Rechazadas"),
          List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
      XSSFSheet calls = wb.getSheet("Llamadas");
      assertEquals(BatchReportWriter.CALL_HEADERS, texts(calls.getRow(0)));
      assertEquals(List.of("Fila", "Nombre", "Teléfonos", "Zona horaria", "Estado", "Resultado", "Código de resultado",
          "Intentos", "Historial de intentos", "Última decisión", "Motivo", "Monto", "Fecha de vencimiento"),
          texts(calls.getRow(0)));
      assertTrue(wb.getFontAt(calls.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
      assertTrue(calls.getPaneInformation().isFreezePane());
      assertEquals(1, calls.getPaneInformation().getHorizontalSplitPosition());
      assertEquals("A1:M4", calls.getCTWorksheet().getAutoFilter().getRef());
      assertEquals(List.of("Fila", "Problemas", "Valores originales (JSON)"), texts(wb.getSheet("Rechazadas").getRow(0)));
    }
  }

  @Test
  void givenThreeContacts_itShouldWriteOneRowEachInOrderWithNumbersAndDatesAsTyped() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report()))) {
      Sheet calls = wb.getSheet("Llamadas");
      assertEquals(CALLS.size(), calls.getLastRowNum());
      Row ana = calls.getRow(1);
      assertEquals(CellType.NUMERIC, ana.getCell(0).getCellType());
      assertEquals(2, ana.getCell(0).getNumericCellValue());
      assertEquals("Ana Pérez", ana.getCell(1).getStringCellValue());
      assertEquals("+57300•••4567, +57310•••1234", ana.getCell(2).getStringCellValue());
      assertEquals("Terminado", ana.getCell(4).getStringCellValue());
      assertEquals("Contestó una persona", ana.getCell(5).getStringCellValue());
      assertEquals("answered_human", ana.getCell(6).getStringCellValue());
      assertEquals(2, ana.getCell(7).getNumericCellValue());
      assertEquals("#1 Sin respuesta, 10/11/2026 09:05, 0 s; #2 Contestó una persona (tel. 2), 10/11/2026 10:05, 42 s",
          ana.getCell(8).getStringCellValue(), "placed-at times are the contact's local time");
      assertEquals("Terminar", ana.getCell(9).getStringCellValue());
      assertEquals("answered_human: person answered", ana.getCell(10).getStringCellValue());
      assertEquals(CellType.NUMERIC, ana.getCell(11).getCellType());
      assertEquals(150000.50, ana.getCell(11).getNumericCellValue());
      assertEquals(CellType.NUMERIC, ana.getCell(12).getCellType());
      assertTrue(DateUtil.isCellDateFormatted(ana.getCell(12)));
      assertEquals(LocalDateTime.of(2026, 11, 30, 0, 0), ana.getCell(12).getLocalDateTimeCellValue());
      assertEquals(List.of(2.0, 3.0, 5.0), List.of(calls.getRow(1).getCell(0).getNumericCellValue(),
          calls.getRow(2).getCell(0).getNumericCellValue(), calls.getRow(3).getCell(0).getNumericCellValue()));
      assertEquals("Bloqueado (no llamar)", calls.getRow(3).getCell(5).getStringCellValue());
      assertEquals(null, calls.getRow(2).getCell(11), "no amount, no cell");
    }
  }

  @Test
  void givenABatchWithAnAuditedOverride_theSummaryShouldShowItsLimitsAndTheReason() throws IOException {
    PolicySettings override = new PolicySettings(null, 3, null, null, null, null, null,
        new PolicySettings.Override("Acuerdo de pago firmado: el deudor pidió dos llamadas más esta semana"));
    BatchReportWriter.Summary summary = new BatchReportWriter.Summary(SUMMARY.name(), SUMMARY.status(),
        SUMMARY.createdAt(), SUMMARY.completedAt(), 3, 2, 3, 3, SUMMARY.byDisposition(), override);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BatchReportWriter writer = new BatchReportWriter(summary)) {
      writer.writeTo(out);
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      XSSFSheet sheet = wb.getSheet("Resumen");
      Map<String, String> fields = new LinkedHashMap<>();
      for (int r = 2; r <= 11; r++) {
        Row row = sheet.getRow(r);
        if (row != null && row.getCell(1) != null && row.getCell(1).getCellType() == CellType.STRING) {
          fields.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
        }
      }
      assertEquals("llamadas por semana ≤ 3 (reemplazan la política de la jurisdicción)",
          fields.get("Límites propios del lote"), fields.toString());
      assertEquals("Acuerdo de pago firmado: el deudor pidió dos llamadas más esta semana",
          fields.get("EXCEPCIÓN a la política (override)"), fields.toString());
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report()))) {
      for (Row row : wb.getSheet("Resumen")) {
        assertTrue(row.getCell(0) == null || row.getCell(0).getCellType() != CellType.STRING
            || !row.getCell(0).getStringCellValue().startsWith("EXCEPCIÓN"), "no override, no line");
      }
    }
  }

  @Test
  void givenTheSummary_itShouldShowTotalsOutcomePercentagesAndAChart() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report()))) {
      XSSFSheet summary = wb.getSheet("Resumen");
      Map<String, Cell> fields = new LinkedHashMap<>();
      for (int r = 2; r <= 9; r++) {
        fields.put(summary.getRow(r).getCell(0).getStringCellValue(), summary.getRow(r).getCell(1));
      }
      assertEquals("Cobranza noviembre", fields.get("Lote").getStringCellValue());
      assertEquals("Completado", fields.get("Estado").getStringCellValue());
      assertTrue(DateUtil.isCellDateFormatted(fields.get("Creado (UTC)")));
      assertEquals(LocalDateTime.of(2026, 11, 10, 15, 30), fields.get("Terminado (UTC)").getLocalDateTimeCellValue());
      assertEquals(3, fields.get("Contactos").getNumericCellValue());
      assertEquals(2, fields.get("Filas rechazadas").getNumericCellValue());

      assertEquals(List.of("Resultado", "Código", "Contactos", "Porcentaje"), texts(summary.getRow(11)));
      List<String> codes = new ArrayList<>();
      double percentages = 0;
      for (int r = 12; r <= 14; r++) {
        Row row = summary.getRow(r);
        codes.add(row.getCell(1).getStringCellValue());
        assertEquals(1, row.getCell(2).getNumericCellValue());
        assertEquals(CellType.NUMERIC, row.getCell(3).getCellType());
        assertEquals("0.0%", row.getCell(3).getCellStyle().getDataFormatString());
        percentages += row.getCell(3).getNumericCellValue();
      }
      assertEquals(List.of("answered_human", "blocked_dnc", "no_answer"), codes);
      assertEquals(1.0, percentages, 1e-9);
      assertEquals("Total", summary.getRow(15).getCell(0).getStringCellValue());
      assertEquals(3, summary.getRow(15).getCell(2).getNumericCellValue());

      assertNotNull(summary.getDrawingPatriarch());
      assertEquals(1, summary.getDrawingPatriarch().getCharts().size());
      String chart = summary.getDrawingPatriarch().getCharts().get(0).getCTChart().toString();
      assertTrue(chart.contains("Resumen!$A$13:$A$15") && chart.contains("Resumen!$C$13:$C$15"), chart);
    }
  }

  @Test
  void givenRejectedRows_itShouldListTheirIssuesAndOriginalValuesWithPhonesMasked() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report()))) {
      Sheet rejected = wb.getSheet("Rechazadas");
      assertEquals(2, rejected.getLastRowNum());
      assertEquals(7, rejected.getRow(1).getCell(0).getNumericCellValue());
      assertEquals("missing_phone: no phone number", rejected.getRow(1).getCell(1).getStringCellValue());
      assertEquals("{\"Nombre\":\"Sin número\",\"Teléfono\":\"\",\"Monto\":\"10.000\"}",
          rejected.getRow(1).getCell(2).getStringCellValue());
      assertEquals("duplicate: same phone as row 2; invalid_date: not a date", rejected.getRow(2).getCell(1).getStringCellValue());
      assertEquals("{\"Nombre\":\"Repetida\",\"Teléfono\":\"•••4567\",\"Fecha\":\"mañana\"}",
          rejected.getRow(2).getCell(2).getStringCellValue());
    }
  }

  @Test
  void givenFullPhoneNumbers_whenWritten_noCellAndNoPartOfTheFileShouldContainOne() throws IOException {
    byte[] file = report();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      int strings = 0;
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING) {
              strings++;
              String digits = cell.getStringCellValue().replaceAll("\\D", "");
              FULL_NUMBERS.forEach(n -> assertFalse(digits.contains(n), sheet.getSheetName() + "!" + cell.getAddress()));
            }
          }
        }
      }
      assertTrue(strings > 40, "scanned " + strings + " strings");
    }
    Path copy = Files.write(Files.createTempFile("batch-report", ".xlsx"), file);
    try (ZipFile zip = new ZipFile(copy.toFile())) { // java.util.zip's stream reader cannot read POI's streamed entries
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String part = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        for (String number : FULL_NUMBERS) {
          assertFalse(part.contains(number), entry.getName() + " contains " + number);
        }
      }
    } finally {
      Files.delete(copy);
    }
  }

  private static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    row.forEach(c -> texts.add(c.getStringCellValue()));
    return texts;
  }
}
