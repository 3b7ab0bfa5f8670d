package dev.vocero.domain.spreadsheets;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Sheet "Diario": one row per day of the roll-up (calls started and finished, finished by outcome, messages sent and by
 * status) and a line chart of calls started, calls finished and messages sent per day.
 */
final class CampaignReportDailySheet {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final int STARTED = 1;
  private static final int FINISHED = 2;

  private CampaignReportDailySheet() {}

  static void write(XSSFSheet sheet, List<CampaignReportWriter.Day> days, BatchReportCells cells) {
    List<String> dispositions = CampaignReportLabels.keys(days.stream().map(CampaignReportWriter.Day::finishedByDisposition).toList());
    List<String> statuses = CampaignReportLabels.keys(days.stream().map(CampaignReportWriter.Day::messagesByStatus).toList());
    int messagesColumn = 3 + dispositions.size();
    List<String> headers = new ArrayList<>(List.of("Día", "Llamadas iniciadas", "Llamadas terminadas"));
    dispositions.forEach(d -> headers.add("Terminadas: " + BatchReportLabels.disposition(d)));
    headers.add("Mensajes enviados");
    statuses.forEach(s -> headers.add("Mensajes: " + CampaignReportLabels.messageState(s)));
    cells.headers(sheet, 0, headers);
    sheet.createFreezePane(1, 1);
    sheet.setColumnWidth(0, 12 * 256);
    for (int column = 1; column < headers.size(); column++) {
      sheet.setColumnWidth(column, 20 * 256);
    }
    int r = 1;
    for (CampaignReportWriter.Day day : days) {
      Row row = sheet.createRow(r++);
      cells.date(row, 0, day.day());
      cells.number(row, STARTED, day.callsStarted());
      cells.number(row, FINISHED, day.callsFinished());
      for (int i = 0; i < dispositions.size(); i++) {
        cells.number(row, 3 + i, day.finishedByDisposition().getOrDefault(dispositions.get(i), 0L));
      }
      cells.number(row, messagesColumn, day.messagesSent());
      for (int i = 0; i < statuses.size(); i++) {
        cells.number(row, messagesColumn + 1 + i, day.messagesByStatus().getOrDefault(statuses.get(i), 0L));
      }
    }
    if (!days.isEmpty()) {
      chart(sheet, days, messagesColumn, headers.size());
    }
  }

  private static void chart(XSSFSheet sheet, List<CampaignReportWriter.Day> days, int messagesColumn, int width) {
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    int top = days.size() + 2;
    XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, top, Math.max(8, Math.min(width, 14)), top + 20));
    chart.setTitleText("Actividad diaria");
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
    values.setCrosses(AxisCrosses.AUTO_ZERO);
    XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, categories, values);
    data.setVaryColors(false);
    int last = days.size();
    XDDFCategoryDataSource labels = XDDFDataSourcesFactory.fromArray(
        days.stream().map(d -> DAY.format(d.day())).toArray(String[]::new),
        new CellRangeAddress(1, last, 0, 0).formatAsString(sheet.getSheetName(), true));
    series(sheet, data, labels, STARTED, last, "Llamadas iniciadas");
    series(sheet, data, labels, FINISHED, last, "Llamadas terminadas");
    series(sheet, data, labels, messagesColumn, last, "Mensajes enviados");
    chart.plot(data);
  }

  private static void series(XSSFSheet sheet, XDDFLineChartData data, XDDFCategoryDataSource labels, int column, int last,
      String title) {
    XDDFChartData.Series series = data.addSeries(labels,
        XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, last, column, column)));
    series.setTitle(title, null);
  }
}
