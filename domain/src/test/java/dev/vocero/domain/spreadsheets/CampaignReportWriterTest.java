package dev.vocero.domain.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class CampaignReportWriterTest {
  static final CampaignReportWriter.Summary SUMMARY = new CampaignReportWriter.Summary("Cobranza noviembre", "paused",
      "no_credit", new CampaignReportWriter.Schedule(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30),
          List.of("FRIDAY", "MON", "WEDNESDAY"), LocalTime.of(8, 0), LocalTime.of(19, 30), "America/Bogota"),
      200, Map.of("whatsapp", 50L, "sms", 100L), Instant.parse("2026-11-01T12:00:00Z"),
      Instant.parse("2026-11-01T12:05:00Z"), null, Map.of("delivered", 7L, "failed", 1L),
      Instant.parse("2026-11-05T10:00:00Z"));
  static final List<CampaignReportWriter.Day> DAYS = List.of(
      new CampaignReportWriter.Day(LocalDate.of(2026, 11, 2), 10, 8, Map.of("answered_human", 5L, "no_answer", 3L), 4,
          Map.of("delivered", 4L)),
      new CampaignReportWriter.Day(LocalDate.of(2026, 11, 4), 12, 12, Map.of("busy", 2L, "answered_human", 10L), 0, Map.of()));

  @Test
  void givenACampaign_whenWritten_eachSheetShouldCarryItsPart() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CampaignReportWriter.write(new CampaignReportWriter.Report(SUMMARY, DAYS,
        List.of(new CampaignReportWriter.Batch("Lote A", "running", 30, 22, 20, Map.of("answered_human", 15L, "busy", 2L))),
        List.of(new CampaignReportWriter.Wave("Recordatorio", "sms", "held", 0, 0, 0, null))), out);

    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertEquals(List.of("Resumen", "Diario", "Lotes"), List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
      XSSFSheet summary = wb.getSheet("Resumen");
      assertEquals("Cobranza noviembre", value(summary, 2));
      assertEquals("En pausa", value(summary, 3));
      assertEquals("no_credit", value(summary, 4));
      assertEquals("lun, mié, vie", value(summary, 7));
      assertEquals("08:00 – 19:30", value(summary, 8));
      assertEquals(200, summary.getRow(10).getCell(1).getNumericCellValue());
      assertEquals("SMS: 100, WhatsApp: 50", value(summary, 11));
      assertNull(summary.getRow(14).getCell(1), "not ended");
      assertEquals(22, summary.getRow(15).getCell(1).getNumericCellValue());
      assertEquals(20, summary.getRow(16).getCell(1).getNumericCellValue());
      assertEquals(4, summary.getRow(17).getCell(1).getNumericCellValue());
      assertEquals("answered_human", value(summary, 21), "largest outcome first");
      assertEquals(15, summary.getRow(21).getCell(2).getNumericCellValue());

      XSSFSheet daily = wb.getSheet("Diario");
      Row header = daily.getRow(0);
      assertEquals("Terminadas: Contestó una persona", header.getCell(3).getStringCellValue());
      assertEquals("Mensajes enviados", header.getCell(6).getStringCellValue());
      assertEquals("Mensajes: Entregado", header.getCell(7).getStringCellValue());
      assertEquals(2, daily.getLastRowNum());
      assertEquals(LocalDate.of(2026, 11, 4).atStartOfDay(), daily.getRow(2).getCell(0).getLocalDateTimeCellValue());
      assertEquals(2, daily.getRow(2).getCell(4).getNumericCellValue(), "busy");
      assertEquals(0, daily.getRow(2).getCell(5).getNumericCellValue(), "no answers that day: a zero, not a blank");
      List<XSSFChart> charts = daily.getDrawingPatriarch().getCharts();
      assertEquals(1, charts.size());
      List<XDDFChartData> data = charts.get(0).getChartSeries();
      assertEquals(1, data.size());
      assertEquals(XDDFLineChartData.class, data.get(0).getClass());
      assertEquals(3, data.get(0).getSeriesCount());
      assertEquals("Diario!$G$2:$G$3", data.get(0).getSeries(2).getValuesData().getDataRangeReference());

      XSSFSheet batches = wb.getSheet("Lotes");
      assertEquals("Lote A", value(batches, 1));
      assertEquals(17, batches.getRow(1).getCell(5).getNumericCellValue());
      assertEquals("Oleada de mensajes", value(batches, 3, 0));
      assertEquals("Recordatorio", value(batches, 4, 0));
      assertEquals("En espera del horario", value(batches, 4, 2));
    }
  }

  private static String value(XSSFSheet sheet, int row) {
    return value(sheet, row, sheet.getSheetName().equals("Resumen") ? 1 : 0);
  }

  private static String value(XSSFSheet sheet, int row, int column) {
    return sheet.getRow(row).getCell(column).getStringCellValue();
  }
}
