package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The campaign report through real HTTP and PostgreSQL: a campaign over a live batch, its roll-up days, ended attempts
 * and a message wave written as the workers write them, then the xlsx read back with POI.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CampaignReportApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  /** Every number is on the do-not-call list and the next start is 100 s away: no call is placed by the sandbox. */
  static final String SETTINGS = """
      {"name":"Cobranza","callsPerSecond":0.01,"maxConcurrentCalls":1,"maxAttempts":2,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static final List<List<String>> SHEET = List.of(List.of("Nombre", "Teléfono"),
      List.of("Ana Pérez", "300 123 4560"), List.of("Luis Gómez", "300 123 4561"), List.of("Marta Ruiz", "300 123 4562"));
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 16);
  static ApiClient api;
  static Session operator;
  static Session viewer;
  static Session stranger;
  static UUID orgId;
  static String campaignId;
  static String batchId;

  @BeforeAll
  static void createACampaignWithHistory() throws IOException {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Cobranzas Informe");
    viewer = invite(operator, "viewer");
    stranger = api.registerAndLogin("Otra Empresa");
    Jdbi jdbi = DB.jdbi();
    orgId = jdbi.withHandle(h -> h.select("select org_id from users where email = ?", operator.email()).mapTo(UUID.class).one());
    for (int i = 0; i < 3; i++) {
      assertEquals(201, api.post("/api/v1/dnc", operator.accessToken(), Map.of("phone", "+57300123456" + i)).status());
    }
    Reply batch = api.upload("/api/v1/batches", operator.accessToken(), "file", "lista.xlsx", CallFixtures.workbook(SHEET),
        Map.of("settings", SETTINGS));
    assertEquals(201, batch.status(), String.valueOf(batch.body()));
    batchId = batch.body().get("id").asText();

    Reply created = api.post("/api/v1/campaigns", operator.accessToken(), campaign("Campaña Noviembre · Fase 1", batchId));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    campaignId = created.body().get("id").asText();

    jdbi.useHandle(h -> {
      UUID campaign = UUID.fromString(campaignId);
      h.createUpdate("update campaigns set message_quotas = '{\"sms\": 300}' where id = :id").bind("id", campaign).execute();
      insertDay(h, campaign, FIRST_DAY, 10, 8, "{\"answered_human\": 5, \"no_answer\": 3}", 6, "{\"delivered\": 5, \"failed\": 1}");
      insertDay(h, campaign, FIRST_DAY.plusDays(1), 12, 11, "{\"answered_human\": 7, \"busy\": 4}", 0, "{}");
      insertDay(h, campaign, FIRST_DAY.plusDays(2), 4, 4, "{\"no_answer\": 4}", 2, "{\"delivered\": 2}");
      List<Long> contacts = h.select("select id from contacts where batch_id = ? order by id", UUID.fromString(batchId))
          .mapTo(Long.class).list();
      insertAttempt(h, contacts.get(0), 1, "ended", "answered_human");
      insertAttempt(h, contacts.get(1), 1, "ended", "no_answer");
      insertAttempt(h, contacts.get(1), 2, "ended", "answered_human");
      insertAttempt(h, contacts.get(2), 1, "placed", null);
      UUID wave = UUID.randomUUID();
      h.createUpdate("insert into message_waves (id, org_id, name, channel, body, source_batch_id, per_minute, status,"
          + " sent, skipped, failed, campaign_id) values (:id, :org, 'Recordatorio de pago', 'sms', 'Hola {{nombre}}',"
          + " :batch, 60, 'held', 3, 1, 1, :campaign)")
          .bind("id", wave).bind("org", orgId).bind("batch", UUID.fromString(batchId)).bind("campaign", campaign).execute();
      for (String state : List.of("delivered", "delivered", "sent", "failed")) {
        h.createUpdate("insert into messages (id, org_id, wave_id, phone_e164, channel, direction, body, state)"
            + " values (:id, :org, :wave, '+573001234560', 'sms', 'outbound', 'Hola', :state)")
            .bind("id", UUID.randomUUID()).bind("org", orgId).bind("wave", wave).bind("state", state).execute();
      }
    });
  }

  @Test
  void givenACampaignWithThreeDays_whenTheReportIsDownloaded_itShouldHoldTheSummaryTheDaysWithAChartAndTheBatches()
      throws IOException {
    double startedBefore = api.get("/api/v1/batches/" + batchId, operator.accessToken()).body().at("/batch/started")
        .asDouble(); // the batch runs: its figures are live, so the report's lie between two reads of the header
    Reply report = api.get("/api/v1/campaigns/" + campaignId + "/report.xlsx", viewer.accessToken());
    assertEquals(200, report.status(), "a viewer may download it");
    assertEquals(XLSX, report.header("Content-Type"));
    String today = LocalDate.now(ZoneId.of("America/Bogota")).toString().replace("-", ""); // the campaign's day
    assertEquals("attachment; filename=\"campaign-campana-noviembre-fase-1-" + today + ".xlsx\"",
        report.header("Content-Disposition"));
    JsonNode batch = api.get("/api/v1/batches/" + batchId, operator.accessToken()).body();

    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.raw().body()))) {
      assertEquals(List.of("Resumen", "Diario", "Lotes"),
          List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));

      XSSFSheet summary = wb.getSheet("Resumen");
      assertEquals("Campaña Noviembre · Fase 1", text(summary, 2, 1));
      assertEquals("Borrador", text(summary, 3, 1));
      assertEquals("lun, mar, mié, jue, vie", text(summary, 7, 1));
      assertEquals("08:00 – 19:00", text(summary, 8, 1));
      assertEquals("America/Bogota", text(summary, 9, 1));
      assertEquals(150, number(summary, 10, 1));
      assertEquals("SMS: 300", text(summary, 11, 1));
      assertEquals(26, number(summary, 15, 1), "calls started over the three days");
      assertEquals(23, number(summary, 16, 1), "calls finished");
      assertEquals(8, number(summary, 17, 1), "messages sent");
      assertEquals(Map.of("answered_human", 12.0, "no_answer", 7.0, "busy", 4.0), table(summary, 21));
      assertEquals(Map.of("delivered", 2.0, "sent", 1.0, "failed", 1.0), table(summary, 27));

      XSSFSheet daily = wb.getSheet("Diario");
      assertEquals(List.of("Día", "Llamadas iniciadas", "Llamadas terminadas", "Terminadas: Contestó una persona",
          "Terminadas: Ocupado", "Terminadas: Sin respuesta", "Mensajes enviados", "Mensajes: Entregado",
          "Mensajes: Fallido"), headers(daily.getRow(0)));
      assertEquals(3, daily.getLastRowNum(), "one row per roll-up day");
      assertEquals(FIRST_DAY.plusDays(1).atStartOfDay(), daily.getRow(2).getCell(0).getLocalDateTimeCellValue());
      assertEquals(List.of(12.0, 11.0, 7.0, 4.0, 0.0, 0.0, 0.0, 0.0), numbers(daily.getRow(2)));
      assertEquals(List.of(10.0, 8.0, 5.0, 0.0, 3.0, 6.0, 5.0, 1.0), numbers(daily.getRow(1)));
      List<XSSFChart> charts = daily.getDrawingPatriarch().getCharts();
      assertEquals(1, charts.size());
      List<XDDFChartData> series = charts.get(0).getChartSeries();
      assertEquals(1, series.size());
      assertEquals(3, series.get(0).getSeriesCount(), "calls started, calls finished, messages sent");
      assertEquals("Diario!$G$2:$G$4", series.get(0).getSeries(2).getValuesData().getDataRangeReference());

      XSSFSheet batches = wb.getSheet("Lotes");
      assertEquals(List.of("Lote", "Estado", "Contactos", "Contactos iniciados", "Contactos terminados",
          "Intentos terminados", "Intentos: Contestó una persona", "Intentos: Sin respuesta"), headers(batches.getRow(0)));
      assertEquals("Cobranza", text(batches, 1, 0));
      assertEquals("En curso", text(batches, 1, 1));
      assertEquals(3, number(batches, 1, 2));
      double reported = number(batches, 1, 3);
      assertTrue(startedBefore <= reported && reported <= batch.at("/batch/started").asDouble(),
          startedBefore + " <= " + reported + " <= " + batch.at("/batch/started").asDouble());
      assertEquals(List.of(3.0, 2.0, 1.0), List.of(number(batches, 1, 5), number(batches, 1, 6), number(batches, 1, 7)),
          "ended attempts only: the one still placed is not counted");
      assertEquals("Oleada de mensajes", text(batches, 3, 0));
      assertEquals(List.of("Recordatorio de pago", "SMS", "En espera del horario"),
          List.of(text(batches, 4, 0), text(batches, 4, 1), text(batches, 4, 2)));
      assertEquals(List.of(3.0, 1.0, 1.0), List.of(number(batches, 4, 3), number(batches, 4, 4), number(batches, 4, 5)));
    }
  }

  @Test
  void givenAnotherOrganizationOrAnUnknownCampaign_whenTheReportIsAsked_itShouldBe404() {
    Reply foreign = api.get("/api/v1/campaigns/" + campaignId + "/report.xlsx", stranger.accessToken());
    assertEquals(404, foreign.status());
    assertEquals("not_found", foreign.code());
    assertTrue(foreign.body().get("message").asText().contains("Campaign"), foreign.body().toString());
    assertNull(foreign.header("Content-Disposition"));
    assertEquals(404, api.get("/api/v1/campaigns/" + UUID.randomUUID() + "/report.xlsx", operator.accessToken()).status());
    assertEquals(404, api.get("/api/v1/campaigns/not-a-uuid/report.xlsx", operator.accessToken()).status());
    assertEquals(401, api.get("/api/v1/campaigns/" + campaignId + "/report.xlsx", null).status());
  }

  @Test
  void givenACampaignWithoutDays_whenTheReportIsDownloaded_itShouldHaveAnEmptyDailySheetAndNoChart() throws IOException {
    Reply created = api.post("/api/v1/campaigns", operator.accessToken(), campaign("Vacía", null));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    Reply report = api.get("/api/v1/campaigns/" + created.body().get("id").asText() + "/report.xlsx", operator.accessToken());
    assertEquals(200, report.status());
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.raw().body()))) {
      assertEquals(0, wb.getSheet("Diario").getLastRowNum(), "headers only");
      assertNull(wb.getSheet("Diario").getDrawingPatriarch());
      assertEquals(0, number(wb.getSheet("Resumen"), 15, 1));
    }
  }

  static Session invite(Session admin, String role) {
    String email = role + "-" + UUID.randomUUID() + "@example.com";
    Reply created = api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "User " + role, "role", role));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return api.login(email, "long enough pw");
  }

  private static Map<String, Object> campaign(String name, String batch) {
    Map<String, Object> body = new HashMap<>();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    body.put("name", name);
    body.put("startDate", today.toString());
    body.put("endDate", today.plusDays(20).toString());
    body.put("weekdays", List.of("FRI", "THU", "WED", "TUE", "MON"));
    body.put("windowStart", "08:00");
    body.put("windowEnd", "19:00");
    body.put("timeZone", "America/Bogota");
    body.put("dailyQuota", 150);
    body.put("batchIds", batch == null ? List.of() : List.of(batch));
    return body;
  }

  private static void insertDay(org.jdbi.v3.core.Handle h, UUID campaign, LocalDate day, int started, int finished,
      String byDisposition, int messages, String byStatus) {
    h.createUpdate("insert into campaign_days (campaign_id, org_id, day, calls_started, calls_finished,"
        + " finished_by_disposition, messages_sent, messages_by_status) values (:campaign, :org, :day, :started,"
        + " :finished, cast(:byDisposition as jsonb), :messages, cast(:byStatus as jsonb))")
        .bind("campaign", campaign).bind("org", orgId).bind("day", day).bind("started", started).bind("finished", finished)
        .bind("byDisposition", byDisposition).bind("messages", messages).bind("byStatus", byStatus).execute();
  }

  private static void insertAttempt(org.jdbi.v3.core.Handle h, long contactId, int number, String status,
      String disposition) {
    Instant placed = Instant.now().minus(Duration.ofMinutes(5));
    h.createUpdate("insert into call_attempts (id, org_id, batch_id, contact_id, attempt_number, phone_index, phone_e164,"
        + " status, disposition, placed_at, ended_at) values (:id, :org, :batch, :contact, :number, 0, '+573001234560',"
        + " :status, :disposition, :placed, :ended)")
        .bind("id", UUID.randomUUID()).bind("org", orgId).bind("batch", UUID.fromString(batchId)).bind("contact", contactId)
        .bind("number", number).bind("status", status).bind("disposition", disposition).bind("placed", placed)
        .bind("ended", "ended".equals(status) ? placed.plusSeconds(30) : null).execute();
  }

  /** A counts table of the summary (code in column B, count in C) from its first row to its "Total" row. */
  private static Map<String, Double> table(XSSFSheet sheet, int firstRow) {
    Map<String, Double> counts = new HashMap<>();
    for (int r = firstRow; !"Total".equals(text(sheet, r, 0)); r++) {
      counts.put(text(sheet, r, 1), number(sheet, r, 2));
    }
    return counts;
  }

  private static List<String> headers(Row row) {
    List<String> names = new java.util.ArrayList<>();
    row.forEach(cell -> names.add(cell.getStringCellValue()));
    return names;
  }

  private static List<Double> numbers(Row row) {
    List<Double> values = new java.util.ArrayList<>();
    for (int c = 1; c < row.getLastCellNum(); c++) {
      values.add(row.getCell(c).getNumericCellValue());
    }
    return values;
  }

  private static String text(XSSFSheet sheet, int row, int column) {
    return sheet.getRow(row).getCell(column).getStringCellValue();
  }

  private static double number(XSSFSheet sheet, int row, int column) {
    return sheet.getRow(row).getCell(column).getNumericCellValue();
  }
}
