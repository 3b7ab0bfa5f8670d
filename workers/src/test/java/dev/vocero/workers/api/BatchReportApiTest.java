package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The batch report through real HTTP: a sandbox batch runs to the end, then its xlsx must agree with the API. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BatchReportApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final String SETTINGS = """
      {"name":"Cobranza Noviembre ñandú","callsPerSecond":20,"maxConcurrentCalls":3,"maxAttempts":2,
       "retryDelaySeconds":{"no_answer":1,"busy":1},"jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],
       "defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static final List<List<String>> SHEET = List.of(
      List.of("Nombre", "Teléfono", "Monto", "Fecha vencimiento", "Producto"),
      List.of("Ana Pérez", "300 123 4560", "150.000", "30/11/2026", "tarjeta"),
      List.of("Luis Gómez", "300 123 4561", "80.000", "30/11/2026", "préstamo"),
      List.of("Marta Ruiz", "300 123 4562", "45.500", "01/12/2026", "tarjeta"),
      List.of("Jorge Díaz", "300 123 4563", "12.000", "01/12/2026", "tarjeta"),
      List.of("Pedro Gil", "300 123 4569", "10.000", "02/12/2026", "tarjeta"),
      List.of("Sin número", "", "10.000", "02/12/2026", "tarjeta"),
      List.of("Número malo", "12", "10.000", "02/12/2026", "tarjeta"));
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static ApiClient api;
  static Session operator;
  static String batchId;

  @BeforeAll
  static void runABatch() throws IOException {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Cobranzas Andinas");
    api.post("/api/v1/dnc", operator.accessToken(), Map.of("phone", "+573001234569", "reason", "pidió no ser llamado"));
    Reply created = api.upload("/api/v1/batches", operator.accessToken(), "file", "deudores.xlsx", CallFixtures.workbook(SHEET),
        Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    batchId = created.body().get("id").asText();
    awaitCompleted(batchId);
  }

  @Test
  void givenACompletedBatch_whenTheReportIsDownloaded_itsRowsShouldMatchTheCallsEndpoint() throws IOException {
    Reply report = api.get("/api/v1/batches/" + batchId + "/report.xlsx", operator.accessToken());
    assertEquals(200, report.status());
    assertEquals(XLSX, report.header("Content-Type"));
    JsonNode batch = api.get("/api/v1/batches/" + batchId, operator.accessToken()).body();
    String day = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC)
        .format(Instant.parse(batch.at("/batch/createdAt").asText()));
    assertEquals("attachment; filename=\"batch-cobranza-noviembre-nandu-" + day + ".xlsx\"", report.header("Content-Disposition"));

    JsonNode calls = api.get("/api/v1/batches/" + batchId + "/calls?pageSize=100", operator.accessToken()).body().get("items");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.raw().body()))) {
      Sheet sheet = wb.getSheet("Llamadas");
      assertEquals(calls.size(), sheet.getLastRowNum(), "one row per contact");
      assertEquals(5, calls.size());
      for (int i = 0; i < calls.size(); i++) {
        JsonNode call = calls.get(i);
        Row row = sheet.getRow(i + 1);
        List<String> phones = new ArrayList<>();
        call.get("phones").forEach(p -> phones.add(p.asText()));
        assertEquals(call.get("row").asInt(), (int) row.getCell(0).getNumericCellValue());
        assertEquals(call.get("name").asText(), row.getCell(1).getStringCellValue());
        assertEquals(String.join(", ", phones), row.getCell(2).getStringCellValue());
        assertEquals(call.get("finalDisposition").asText(), row.getCell(6).getStringCellValue(), call.toString());
        assertEquals(call.get("attempts").asInt(), (int) row.getCell(7).getNumericCellValue());
        assertEquals(CellType.NUMERIC, row.getCell(11).getCellType(), "amount");
        assertEquals(CellType.NUMERIC, row.getCell(12).getCellType(), "due date");
      }
      assertEquals("blocked_dnc", sheet.getRow(5).getCell(6).getStringCellValue());

      Sheet rejected = wb.getSheet("Rechazadas");
      assertEquals(2, rejected.getLastRowNum());
      assertEquals(7, (int) rejected.getRow(1).getCell(0).getNumericCellValue());
      assertTrue(rejected.getRow(1).getCell(1).getStringCellValue().startsWith("missing_phone: "));
      assertTrue(rejected.getRow(2).getCell(1).getStringCellValue().startsWith("invalid_phone: "));
      assertTrue(rejected.getRow(2).getCell(2).getStringCellValue().contains("\"Nombre\":\"Número malo\""));

      XSSFSheet summary = wb.getSheet("Resumen");
      assertEquals("Cobranza Noviembre ñandú", summary.getRow(2).getCell(1).getStringCellValue());
      assertEquals("Completado", summary.getRow(3).getCell(1).getStringCellValue());
      assertEquals(5, summary.getRow(6).getCell(1).getNumericCellValue());
      assertEquals(2, summary.getRow(7).getCell(1).getNumericCellValue());
      assertEquals(1, summary.getDrawingPatriarch().getCharts().size());
      assertNoFullPhoneNumber(wb);
    }
  }

  @Test
  void givenAnotherOrganization_whenItAsksForTheReport_itShouldGet404() {
    Session stranger = api.registerAndLogin("Otra Empresa");
    Reply reply = api.get("/api/v1/batches/" + batchId + "/report.xlsx", stranger.accessToken());
    assertEquals(404, reply.status());
    assertEquals("not_found", reply.code());
    assertNull(reply.header("Content-Disposition"));
    assertEquals(401, api.get("/api/v1/batches/" + batchId + "/report.xlsx", null).status());
  }

  private static void assertNoFullPhoneNumber(XSSFWorkbook wb) {
    for (Sheet sheet : wb) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.STRING) {
            String digits = cell.getStringCellValue().replaceAll("\\D", "");
            assertFalse(digits.matches(".*300123456\\d.*"), sheet.getSheetName() + "!" + cell.getAddress());
          }
        }
      }
    }
  }


  private static void awaitCompleted(String id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonNode batch = null;
    while (Instant.now().isBefore(deadline)) {
      batch = api.get("/api/v1/batches/" + id, operator.accessToken()).body();
      if ("completed".equals(batch.at("/batch/status").asText())) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("batch never completed: " + batch);
  }
}
