package dev.vocero.domain.spreadsheets;

import dev.vocero.domain.compliance.PolicySettings;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;

/** Sheet "Resumen": the batch, its totals, contacts by outcome and a bar chart of the outcomes. */
final class BatchReportSummarySheet {
  private static final List<String> TABLE_HEADERS = List.of("Resultado", "Código", "Contactos", "Porcentaje");

  private BatchReportSummarySheet() {}

  static void write(SXSSFSheet sheet, BatchReportWriter.Summary summary, BatchReportCells cells) {
    sheet.setColumnWidth(0, 30 * 256);
    sheet.setColumnWidth(1, 22 * 256);
    sheet.setColumnWidth(2, 12 * 256);
    sheet.setColumnWidth(3, 12 * 256);
    cells.title(sheet.createRow(0), 0, "Informe del lote");
    int r = 2;
    cells.text(field(sheet, r++, "Lote", cells), 1, summary.name());
    cells.text(field(sheet, r++, "Estado", cells), 1, BatchReportLabels.batchStatus(summary.status()));
    cells.utc(field(sheet, r++, "Creado (UTC)", cells), 1, summary.createdAt());
    cells.utc(field(sheet, r++, "Terminado (UTC)", cells), 1, summary.completedAt());
    cells.number(field(sheet, r++, "Contactos", cells), 1, summary.contacts());
    cells.number(field(sheet, r++, "Filas rechazadas", cells), 1, summary.rejected());
    cells.number(field(sheet, r++, "Contactos iniciados", cells), 1, summary.started());
    cells.number(field(sheet, r++, "Contactos terminados", cells), 1, summary.finished());
    PolicySettings policy = summary.contactPolicy();
    if (policy != null && !policy.empty()) {
      cells.text(field(sheet, r++, "Límites propios del lote", cells), 1, limits(policy));
      if (policy.overridden()) {
        cells.text(field(sheet, r++, "EXCEPCIÓN a la política (override)", cells), 1, policy.override().reason());
      }
    }
    outcomes(sheet, r + 1, summary.byDisposition(), cells);
  }

  /** The batch's own limits in words: with an override they replace the policy's, else they only tighten it. */
  static String limits(PolicySettings p) {
    List<String> parts = new java.util.ArrayList<>();
    if (p.callsPerDay() != null) parts.add("llamadas por día ≤ " + p.callsPerDay());
    if (p.callsPerWeek() != null) parts.add("llamadas por semana ≤ " + p.callsPerWeek());
    if (p.messagesPerDay() != null) parts.add("mensajes por día ≤ " + p.messagesPerDay());
    if (p.messagesPerWeek() != null) parts.add("mensajes por semana ≤ " + p.messagesPerWeek());
    if (p.minHoursBetweenCalls() != null) parts.add("horas entre llamadas ≥ " + p.minHoursBetweenCalls());
    if (p.minHoursBetweenMessages() != null) parts.add("horas entre mensajes ≥ " + p.minHoursBetweenMessages());
    if (p.windows() != null && !p.windows().isEmpty()) parts.add("ventanas " + String.join(", ", p.windows()));
    String text = parts.isEmpty() ? "—" : String.join("; ", parts);
    return p.overridden() ? text + " (reemplazan la política de la jurisdicción)" : text + " (más estrictos que la política)";
  }

  private static Row field(SXSSFSheet sheet, int rowIndex, String label, BatchReportCells cells) {
    Row row = sheet.createRow(rowIndex);
    cells.label(row, 0, label);
    return row;
  }

  private static void outcomes(SXSSFSheet sheet, int headerRow, Map<String, Long> byDisposition, BatchReportCells cells) {
    List<Map.Entry<String, Long>> rows = byDisposition.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .toList();
    long total = rows.stream().mapToLong(Map.Entry::getValue).sum();
    cells.headers(sheet, headerRow, TABLE_HEADERS);
    int r = headerRow + 1;
    for (Map.Entry<String, Long> outcome : rows) {
      Row row = sheet.createRow(r++);
      cells.text(row, 0, BatchReportLabels.disposition(outcome.getKey()));
      cells.text(row, 1, outcome.getKey());
      cells.number(row, 2, outcome.getValue());
      cells.percent(row, 3, total == 0 ? 0 : (double) outcome.getValue() / total);
    }
    Row totals = sheet.createRow(r);
    cells.label(totals, 0, "Total");
    cells.number(totals, 2, total);
    cells.percent(totals, 3, total == 0 ? 0 : 1);
    if (!rows.isEmpty()) {
      chart(sheet, rows, new CellRangeAddress(headerRow + 1, headerRow + rows.size(), 0, 0));
    }
  }

  /** Values are given as cached arrays: the streamed sheet's rows are no longer in memory to be read back. */
  private static void chart(SXSSFSheet sheet, List<Map.Entry<String, Long>> rows, CellRangeAddress labels) {
    sheet.createDrawingPatriarch();
    XSSFDrawing drawing = sheet.getDrawingPatriarch();
    XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 5, 1, 14, 24));
    chart.setTitleText("Resultados de las llamadas");
    chart.setTitleOverlay(false);
    XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
    XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
    values.setCrosses(AxisCrosses.AUTO_ZERO);
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
    data.setBarDirection(BarDirection.BAR);
    data.setVaryColors(true);
    CellRangeAddress counts = new CellRangeAddress(labels.getFirstRow(), labels.getLastRow(), 2, 2);
    XDDFChartData.Series series = data.addSeries(
        XDDFDataSourcesFactory.fromArray(rows.stream().map(e -> BatchReportLabels.disposition(e.getKey())).toArray(String[]::new),
            reference(sheet, labels)),
        XDDFDataSourcesFactory.fromArray(rows.stream().map(Map.Entry::getValue).toArray(Long[]::new), reference(sheet, counts)));
    series.setTitle("Contactos", null);
    chart.plot(data);
  }

  private static String reference(SXSSFSheet sheet, CellRangeAddress range) {
    return range.formatAsString(sheet.getSheetName(), true);
  }
}
