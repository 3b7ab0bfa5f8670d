package dev.vocero.workers;

import dev.vocero.store.OrgRows;
import dev.vocero.store.calls.AttemptDao;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jdbi.v3.core.Jdbi;

/**
 * Test data for the call-batch and campaign tests: contact lists as real xlsx, batch settings and campaign bodies for
 * the API, and a placed attempt straight in PostgreSQL.
 */
public final class CallFixtures {
  /** Two Chilean debtors in three rows: Ana twice (one RUT written two ways, one person), and Luis. */
  public static final List<List<String>> CHILEAN_DEBTORS = List.of(List.of("Nombre", "Teléfono", "RUT"),
      List.of("Ana Pérez", "+56911111111", "12.345.678-5"), List.of("Ana Pérez", "+56922222222", "12345678-5"),
      List.of("Luis Soto", "+56933333333", "9.876.543-3"));
  /** The same two debtors, one row each. */
  public static final List<List<String>> TWO_CHILEAN_DEBTORS = List.of(List.of("Nombre", "Teléfono", "RUT"),
      List.of("Ana Pérez", "+56922222222", "12.345.678-5"), List.of("Luis Soto", "+56933333333", "9.876.543-3"));

  private CallFixtures() {}

  /** A Chilean batch's settings that start a call every 100 s at most, with this contactPolicy (JSON; null: none). */
  public static String chileanSettings(String contactPolicy) {
    return "{\"name\":\"Chile\",\"callsPerSecond\":0.01,\"maxConcurrentCalls\":1,\"maxAttempts\":1,"
        + "\"jurisdiction\":\"CL\",\"defaultRegion\":\"CL\",\"answerTimeoutSeconds\":10"
        + (contactPolicy == null ? "" : ",\"contactPolicy\":" + contactPolicy) + "}";
  }

  /** The settings of a batch that may call or text any day at any hour, starting a call every 100 s at most. */
  public static String anyTimeSettings(String name) {
    return "{\"name\":\"" + name + "\",\"callsPerSecond\":0.01,\"maxConcurrentCalls\":1,\"maxAttempts\":1,"
        + "\"jurisdiction\":\"CUSTOM\",\"customWindows\":[\"MON-SUN 00:00-23:59\"],\"defaultRegion\":\"CL\","
        + "\"answerTimeoutSeconds\":10}";
  }

  /** A campaign's body (mutable) over these batches, open every day at every hour (UTC) for 30 days from today. */
  public static Map<String, Object> campaign(String name, List<String> batchIds) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return new HashMap<>(Map.of("name", name, "startDate", today.toString(), "endDate", today.plusDays(30).toString(),
        "weekdays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"), "windowStart", "00:00", "windowEnd",
        "23:59", "timeZone", "UTC", "batchIds", batchIds));
  }

  /** Such a campaign with two SMS waves to the batch's same persons, under 72 hours between messages. */
  public static Map<String, Object> twoWavesUnderA72HourGap(String batchId) {
    Map<String, Object> body = campaign("Avisos", List.of(batchId));
    body.put("contactPolicy", Map.of("minHoursBetweenMessages", 72));
    body.put("waves", List.of(
        Map.of("name", "Aviso", "channel", "sms", "body", "Hola {{name}}", "batchId", batchId, "perMinute", 600),
        Map.of("name", "Recordatorio", "channel", "sms", "body", "Recuerde, {{name}}", "batchId", batchId,
            "perMinute", 600)));
    return body;
  }

  /** An xlsx whose first sheet holds these rows (first row = headers), every cell as text. */
  public static byte[] workbook(List<List<String>> rows) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("Deudores");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** The text rows (label → value) of a report's summary sheet, "Resumen". */
  public static Map<String, String> reportSummary(byte[] xlsx) {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Map<String, String> summary = new HashMap<>();
      for (Row row : wb.getSheet("Resumen")) {
        if (row.getCell(0) != null && row.getCell(1) != null && row.getCell(1).getCellType() == CellType.STRING) {
          summary.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
        }
      }
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An organization, a batch with one contact (+573001234560) and one attempt already placed; returns the attempt id. */
  public static UUID placedAttempt(Jdbi jdbi, String provider, String providerCallId) {
    OrgRows rows = new OrgRows(jdbi);
    UUID batch = rows.batch("{}");
    long contact = rows.contact(batch, "Ana", "+573001234560");
    UUID attemptId = UUID.randomUUID();
    jdbi.useExtension(AttemptDao.class, dao -> {
      dao.insertPlanned(attemptId, rows.org(), batch, contact, 1, 0, "+573001234560");
      dao.markPlaced(rows.org(), attemptId, provider, providerCallId);
    });
    return attemptId;
  }
}
