package dev.vocero.domain.spreadsheets;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Excel report of a campaign ("Resumen", "Diario", "Lotes"). Every sheet is bounded (one row per day, batch or
 * wave), so it is a plain in-memory workbook: the chart of the daily sheet needs one anyway.
 */
public final class CampaignReportWriter {
  static final String SUMMARY = "Resumen";
  static final String DAILY = "Diario";
  static final String BATCHES = "Lotes";

  /** Weekdays as the API writes them (MON … SUN); the window is local time in {@code timeZone}. */
  public record Schedule(LocalDate startDate, LocalDate endDate, List<String> weekdays, LocalTime windowStart,
      LocalTime windowEnd, String timeZone) {}

  /** {@code messageQuotas}: daily limit per channel ("sms", "whatsapp"); {@code messagesByStatus}: the waves' messages now. */
  public record Summary(String name, String state, String pauseReason, Schedule schedule, int dailyQuota,
      Map<String, Long> messageQuotas, Instant createdAt, Instant scheduledAt, Instant endedAt,
      Map<String, Long> messagesByStatus, Instant generatedAt, dev.vocero.domain.compliance.PolicySettings contactPolicy) {

    /** A campaign without its own contact limits. */
    public Summary(String name, String state, String pauseReason, Schedule schedule, int dailyQuota,
        Map<String, Long> messageQuotas, Instant createdAt, Instant scheduledAt, Instant endedAt,
        Map<String, Long> messagesByStatus, Instant generatedAt) {
      this(name, state, pauseReason, schedule, dailyQuota, messageQuotas, createdAt, scheduledAt, endedAt,
          messagesByStatus, generatedAt, null);
    }
  }

  /** One row of the daily roll-up. */
  public record Day(LocalDate day, int callsStarted, int callsFinished, Map<String, Long> finishedByDisposition,
      int messagesSent, Map<String, Long> messagesByStatus) {}

  /** {@code attemptsByDisposition}: the batch's ended dial attempts. */
  public record Batch(String name, String status, int contacts, int started, int finished,
      Map<String, Long> attemptsByDisposition) {}

  public record Wave(String name, String channel, String status, int sent, int skipped, int failed, String pauseReason) {}

  public record Report(Summary summary, List<Day> days, List<Batch> batches, List<Wave> waves) {}

  private CampaignReportWriter() {}

  /** Writes the whole workbook; the stream is left open. */
  public static void write(Report report, OutputStream out) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      BatchReportCells cells = new BatchReportCells(workbook);
      CampaignReportSummarySheet.write(workbook.createSheet(SUMMARY), report.summary(), report.days(), cells);
      CampaignReportDailySheet.write(workbook.createSheet(DAILY), report.days(), cells);
      CampaignReportBatchesSheet.write(workbook.createSheet(BATCHES), report.batches(), report.waves(), cells);
      workbook.write(out);
    }
  }
}
