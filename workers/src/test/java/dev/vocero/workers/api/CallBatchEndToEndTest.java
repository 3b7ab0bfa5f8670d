package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.Eventually;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A spreadsheet becomes calls: xlsx upload → import report → batch workflow → contact workflows → sandbox
 * telephony → signed callbacks through the real webhook → dispositions in PostgreSQL and the API.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CallBatchEndToEndTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final String SETTINGS = """
      {"name":"Cobranza noviembre","callsPerSecond":20,"maxConcurrentCalls":3,"maxAttempts":2,
       "retryDelaySeconds":{"no_answer":1,"busy":1},"jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],
       "defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static ApiClient api;
  static Session operator;

  @BeforeAll
  static void login() {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Cobranzas Andinas");
  }


  static final List<List<String>> SHEET = List.of(
      List.of("Nombre", "Teléfono", "Monto", "Fecha vencimiento", "Producto"),
      List.of("Ana Pérez", "300 123 4560", "150.000", "30/11/2026", "tarjeta"),      // 0 → answered_human
      List.of("Luis Gómez", "300 123 4561", "80.000", "30/11/2026", "préstamo"),     // 1 → answered_machine
      List.of("Marta Ruiz", "300 123 4562", "45.500", "01/12/2026", "tarjeta"),      // 2 → no_answer, retried
      List.of("Jorge Díaz", "300 123 4563", "12.000", "01/12/2026", "tarjeta"),      // 3 → busy, retried
      List.of("Sofía León", "300 123 4565", "99.999", "02/12/2026", "préstamo"),     // 5 → invalid number
      List.of("Pedro Gil", "300 123 4569", "10.000", "02/12/2026", "tarjeta"),       // on the DNC list
      List.of("Sin número", "", "10.000", "02/12/2026", "tarjeta"),                  // rejected: missing phone
      List.of("Número malo", "12", "10.000", "02/12/2026", "tarjeta"));             // rejected: invalid phone

  @Test
  void givenAContactList_whenUploaded_itShouldCallEveryoneAndRecordWhy() throws IOException {
    api.post("/api/v1/dnc", operator.accessToken(), Map.of("phone", "+573001234569", "reason", "pidió no ser llamado"));
    byte[] xlsx = CallFixtures.workbook(SHEET);

    Reply dryRun = api.upload("/api/v1/batches?dryRun=true", operator.accessToken(), "file", "deudores.xlsx", xlsx,
        Map.of("settings", SETTINGS));
    assertEquals(200, dryRun.status(), String.valueOf(dryRun.body()));
    assertEquals(6, dryRun.body().get("valid").asInt());
    assertEquals(2, dryRun.body().get("rejected").asInt());
    assertEquals(0, api.get("/api/v1/batches", operator.accessToken()).body().get("total").asInt(), "dry run stores nothing");

    Reply created = api.upload("/api/v1/batches", operator.accessToken(), "file", "deudores.xlsx", xlsx,
        Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String id = created.body().get("id").asText();
    assertEquals(6, created.body().get("contacts").asInt());
    assertEquals(2, created.body().get("rejectedRows").size());
    assertEquals("missing_phone", created.body().at("/rejectedRows/0/issues/0/code").asText());

    JsonNode batch = awaitCompleted(id);
    assertEquals(6L, batch.at("/byStatus/done").asLong(), batch.toString());

    Map<String, JsonNode> byName = new HashMap<>();
    api.get("/api/v1/batches/" + id + "/calls?pageSize=50", operator.accessToken()).body().get("items")
        .forEach(c -> byName.put(c.get("name").asText(), c));
    assertEquals("answered_human", byName.get("Ana Pérez").get("finalDisposition").asText());
    assertEquals("answered_machine", byName.get("Luis Gómez").get("finalDisposition").asText());
    assertEquals("no_answer", byName.get("Marta Ruiz").get("finalDisposition").asText());
    assertEquals(2, byName.get("Marta Ruiz").get("history").size(), "no_answer is retried once (maxAttempts 2)");
    assertEquals("busy", byName.get("Jorge Díaz").get("finalDisposition").asText());
    assertEquals("invalid_number", byName.get("Sofía León").get("finalDisposition").asText());
    assertEquals("blocked_dnc", byName.get("Pedro Gil").get("finalDisposition").asText());
    assertEquals(0, byName.get("Pedro Gil").get("history").size(), "a DNC number is never dialed");
    int delivered = DB.jdbi().withHandle(h -> h.createQuery(
        "select count(*) from provider_events where state = 'delivered' and terminal").mapTo(Integer.class).one());
    assertTrue(delivered >= 7, "outcomes arrived as signed webhooks, not only by polling: " + delivered);
    String shown = byName.get("Ana Pérez").at("/history/0/phone").asText();
    assertTrue(shown.contains("•••") && !shown.contains("1234560"), "phones are masked in listings: " + shown);
  }

  @Test
  void givenBadSettingsOrFiles_itShouldRefuseWithCodesAndStoreNothing() throws IOException {
    Session fresh = api.registerAndLogin("Vacía");
    byte[] xlsx = CallFixtures.workbook(SHEET);
    Reply pace = api.upload("/api/v1/batches", fresh.accessToken(), "file", "x.xlsx", xlsx,
        Map.of("settings", "{\"callsPerSecond\":0,\"jurisdiction\":\"CUSTOM\",\"customWindows\":[\"MON 18:00-09:00\"]}"));
    assertEquals(422, pace.status());
    assertEquals("invalid_settings", pace.code());
    assertEquals(2, pace.body().get("details").size(), pace.body().toString());

    Reply corrupt = api.upload("/api/v1/batches", fresh.accessToken(), "file", "x.xlsx",
        java.util.Arrays.copyOf(xlsx, xlsx.length / 2), Map.of("settings", SETTINGS));
    assertTrue(corrupt.status() == 422 || corrupt.status() == 415, String.valueOf(corrupt.body()));

    Reply noPhone = api.upload("/api/v1/batches", fresh.accessToken(), "file", "x.csv",
        "nombre;monto\nAna;100\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("settings", SETTINGS));
    assertEquals(422, noPhone.status());
    assertEquals("no_phone_column", noPhone.code());
    assertEquals(0, api.get("/api/v1/batches", fresh.accessToken()).body().get("total").asInt());
  }

  @Test
  void givenARunningBatch_whenPausedRepacedAndCancelled_itShouldObeyAndRefuseInvalidChanges() throws IOException {
    List<List<String>> rows = new java.util.ArrayList<>();
    rows.add(List.of("Nombre", "Celular"));
    for (int i = 0; i < 30; i++) {
      rows.add(List.of("Cliente " + i, String.format("310 555 %04d", 1000 + i * 10)));
    }
    String slow = SETTINGS.replace("\"callsPerSecond\":20", "\"callsPerSecond\":0.2");
    Reply created = api.upload("/api/v1/batches", operator.accessToken(), "file", "lenta.xlsx", CallFixtures.workbook(rows),
        Map.of("settings", slow));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String id = created.body().get("id").asText();

    Reply paused = api.post("/api/v1/batches/" + id + "/pause", operator.accessToken(), null);
    assertEquals(200, paused.status(), String.valueOf(paused.body()));
    assertTrue(paused.body().get("paused").asBoolean());
    // a paused batch still runs: its detail counts its started and finished contacts from its count by status, as
    // the list counts them in its own query (read until two details agree: a call in flight may still end)
    JsonNode detail = Eventually.eventually(() -> {
      JsonNode first = api.get("/api/v1/batches/" + id, operator.accessToken()).body();
      JsonNode listed = api.get("/api/v1/batches", operator.accessToken()).body().get("items");
      JsonNode second = api.get("/api/v1/batches/" + id, operator.accessToken()).body();
      if (!first.get("batch").equals(second.get("batch"))) {
        return null;
      }
      for (JsonNode item : listed) {
        if (item.get("id").asText().equals(id)) {
          assertEquals(item, second.get("batch"), "the list's live counts and the detail's");
        }
      }
      return second;
    }, "two equal reads of a paused batch");
    assertEquals("paused", detail.at("/batch/status").asText());
    assertEquals(30 - detail.at("/byStatus/pending").asInt(), detail.at("/batch/started").asInt(), detail.toString());
    assertEquals(detail.at("/byStatus/done").asInt(), detail.at("/batch/finished").asInt(), detail.toString());

    Reply again = api.post("/api/v1/batches/" + id + "/pause", operator.accessToken(), null);
    assertEquals(409, again.status(), "pausing a paused batch is refused by the update validator");
    assertEquals("batch_state", again.code());

    assertEquals(422, api.send("PATCH", "/api/v1/batches/" + id + "/pace", operator.accessToken(),
        Map.of("callsPerSecond", 0)).status());
    Reply paced = api.send("PATCH", "/api/v1/batches/" + id + "/pace", operator.accessToken(),
        Map.of("callsPerSecond", 0.5, "maxConcurrentCalls", 2));
    assertEquals(200, paced.status(), String.valueOf(paced.body()));
    assertEquals(0.5, paced.body().get("callsPerSecond").asDouble());
    String stored = DB.jdbi().withHandle(h -> h.createQuery("select settings::text from call_batches where id = :id")
        .bind("id", java.util.UUID.fromString(id)).mapTo(String.class).one());
    JsonNode kept = ApiClient.JSON.readTree(stored);
    assertTrue(kept.get("callsPerSecond").asDouble() == 0.5 && kept.get("maxConcurrentCalls").asInt() == 2,
        "the pace is kept with the batch (a restart of dev starts it at that pace): " + stored);
    assertEquals(200, api.post("/api/v1/batches/" + id + "/resume", operator.accessToken(), null).status());

    assertEquals(202, api.post("/api/v1/batches/" + id + "/cancel", operator.accessToken(), null).status());
    JsonNode batch = awaitStatus(id, "cancelled");
    assertTrue(batch.at("/batch/started").asInt() < 30, "cancel stops new calls: " + batch);
    Session other = api.registerAndLogin("Ajena");
    assertEquals(404, api.post("/api/v1/batches/" + id + "/pause", other.accessToken(), null).status());
  }

  private JsonNode awaitCompleted(String id) {
    return awaitStatus(id, "completed");
  }

  private JsonNode awaitStatus(String id, String status) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonNode batch = null;
    while (Instant.now().isBefore(deadline)) {
      batch = api.get("/api/v1/batches/" + id, operator.accessToken()).body();
      if (status.equals(batch.at("/batch/status").asText())) {
        return batch;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("batch never reached " + status + ": " + batch);
  }
}
