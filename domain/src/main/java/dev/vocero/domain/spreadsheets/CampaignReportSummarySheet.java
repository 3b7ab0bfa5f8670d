package dev.vocero.domain.spreadsheets;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Sheet "Resumen": the campaign, its schedule and quotas, its totals over all days and its messages by status. */
final class CampaignReportSummarySheet {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  private CampaignReportSummarySheet() {}

  static void write(Sheet sheet, CampaignReportWriter.Summary summary, List<CampaignReportWriter.Day> days,
      BatchReportCells cells) {
    sheet.setColumnWidth(0, 36 * 256);
    sheet.setColumnWidth(1, 30 * 256);
    sheet.setColumnWidth(2, 20 * 256);
    cells.title(sheet.createRow(0), 0, "Informe de la campaña");
    CampaignReportWriter.Schedule schedule = summary.schedule();
    int r = 2;
    cells.text(field(sheet, r++, "Campaña", cells), 1, summary.name());
    cells.text(field(sheet, r++, "Estado", cells), 1, CampaignReportLabels.campaignState(summary.state()));
    cells.text(field(sheet, r++, "Motivo de la pausa", cells), 1, summary.pauseReason());
    cells.date(field(sheet, r++, "Desde", cells), 1, schedule.startDate());
    cells.date(field(sheet, r++, "Hasta", cells), 1, schedule.endDate());
    cells.text(field(sheet, r++, "Días de la semana", cells), 1, CampaignReportLabels.weekdays(schedule.weekdays()));
    cells.text(field(sheet, r++, "Horario", cells), 1,
        HOUR.format(schedule.windowStart()) + " – " + HOUR.format(schedule.windowEnd()));
    cells.text(field(sheet, r++, "Zona horaria", cells), 1, schedule.timeZone());
    cells.number(field(sheet, r++, "Cuota diaria de llamadas (0 = sin límite)", cells), 1, summary.dailyQuota());
    cells.text(field(sheet, r++, "Cuota diaria de mensajes", cells), 1, quotas(summary.messageQuotas()));
    cells.utc(field(sheet, r++, "Creada (UTC)", cells), 1, summary.createdAt());
    cells.utc(field(sheet, r++, "Programada (UTC)", cells), 1, summary.scheduledAt());
    cells.utc(field(sheet, r++, "Terminada (UTC)", cells), 1, summary.endedAt());
    cells.number(field(sheet, r++, "Llamadas iniciadas", cells), 1,
        days.stream().mapToLong(CampaignReportWriter.Day::callsStarted).sum());
    cells.number(field(sheet, r++, "Llamadas terminadas", cells), 1,
        days.stream().mapToLong(CampaignReportWriter.Day::callsFinished).sum());
    cells.number(field(sheet, r++, "Mensajes enviados", cells), 1,
        days.stream().mapToLong(CampaignReportWriter.Day::messagesSent).sum());
    cells.utc(field(sheet, r++, "Generado (UTC)", cells), 1, summary.generatedAt());
    dev.vocero.domain.compliance.PolicySettings policy = summary.contactPolicy();
    if (policy != null && !policy.empty()) {
      cells.text(field(sheet, r++, "Límites propios de la campaña", cells), 1, BatchReportSummarySheet.limits(policy));
      if (policy.overridden()) {
        cells.text(field(sheet, r++, "EXCEPCIÓN a la política (override)", cells), 1, policy.override().reason());
      }
    }
    r = counts(sheet, r + 1, List.of("Llamadas terminadas por resultado", "Código", "Llamadas"),
        sum(days.stream().map(CampaignReportWriter.Day::finishedByDisposition).toList()),
        BatchReportLabels::disposition, cells);
    counts(sheet, r + 1, List.of("Mensajes de las oleadas por estado", "Código", "Mensajes"), summary.messagesByStatus(),
        CampaignReportLabels::messageState, cells);
  }

  private static Row field(Sheet sheet, int rowIndex, String label, BatchReportCells cells) {
    Row row = sheet.createRow(rowIndex);
    cells.label(row, 0, label);
    return row;
  }

  /** A table of counts by code, largest first, with a total; returns the row after it. */
  private static int counts(Sheet sheet, int headerRow, List<String> headers, Map<String, Long> byCode,
      UnaryOperator<String> label, BatchReportCells cells) {
    cells.headers(sheet, headerRow, headers);
    int r = headerRow + 1;
    List<Map.Entry<String, Long>> rows = byCode.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .toList();
    for (Map.Entry<String, Long> entry : rows) {
      Row row = sheet.createRow(r++);
      cells.text(row, 0, label.apply(entry.getKey()));
      cells.text(row, 1, entry.getKey());
      cells.number(row, 2, entry.getValue());
    }
    Row total = sheet.createRow(r++);
    cells.label(total, 0, "Total");
    cells.number(total, 2, rows.stream().mapToLong(Map.Entry::getValue).sum());
    return r;
  }

  static Map<String, Long> sum(List<Map<String, Long>> maps) {
    Map<String, Long> total = new LinkedHashMap<>();
    maps.forEach(m -> m.forEach((k, v) -> total.merge(k, v, Long::sum)));
    return total;
  }

  private static String quotas(Map<String, Long> quotas) {
    if (quotas.isEmpty()) {
      return "sin límite";
    }
    return quotas.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> CampaignReportLabels.channel(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining(", "));
  }
}
