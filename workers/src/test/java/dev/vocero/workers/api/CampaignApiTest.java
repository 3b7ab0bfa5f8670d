package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Campaigns through real HTTP, PostgreSQL and Temporal: validation, roles, isolation and the whole lifecycle. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CampaignApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  /** One start every 100 s: the batch stays open for the whole test. */
  static final String SETTINGS = """
      {"name":"Campaña","callsPerSecond":0.01,"maxConcurrentCalls":1,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static final List<List<String>> SHEET = List.of(List.of("Nombre", "Teléfono"),
      List.of("Ana Pérez", "300 123 4560"), List.of("Luis Gómez", "300 123 4561"), List.of("Marta Ruiz", "300 123 4562"));
  static ApiClient api;
  static Session operator;
  static Session viewer;
  static Session stranger;

  @BeforeAll
  static void setUp() {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Cobranzas Campaña");
    viewer = invite(operator, "viewer");
    stranger = api.registerAndLogin("Otra Empresa");
  }

  @Test
  void givenInvalidCampaigns_whenCreated_theyShouldBeRefusedFieldByField() {
    Map<String, Object> body = campaign(List.of());
    body.put("endDate", "2020-01-01");
    body.put("weekdays", List.of());
    body.put("windowStart", "18:00");
    body.put("windowEnd", "09:00");
    body.put("timeZone", "Mars/Olympus");
    body.put("waves", List.of(Map.of("channel", "sms")));
    Reply refused = api.post("/api/v1/campaigns", operator.accessToken(), body);
    assertEquals(422, refused.status());
    assertEquals("invalid_campaign", refused.code());
    List<String> fields = refused.body().get("details").findValuesAsText("field");
    assertTrue(fields.containsAll(List.of("endDate", "weekdays", "windowEnd", "timeZone", "waves[0].name",
        "waves[0].body", "waves[0].batchId")), fields.toString());

    Map<String, Object> badWave = campaign(List.of());
    badWave.put("waves", List.of(Map.of("name", "Plantilla", "channel", "sms", "contentSid",
        "HX" + "0".repeat(32), "batchId", UUID.randomUUID().toString(), "disposition", "maybe", "perMinute", 0)));
    badWave.put("messageQuotas", Map.of("fax", 3, "sms", -1));
    Reply waveRefused = api.post("/api/v1/campaigns", operator.accessToken(), badWave);
    assertEquals(422, waveRefused.status());
    List<String> waveFields = waveRefused.body().get("details").findValuesAsText("field");
    assertTrue(waveFields.containsAll(List.of("waves[0].contentSid", "waves[0].batchId", "waves[0].disposition",
        "waves[0].perMinute", "messageQuotas.fax", "messageQuotas.sms")), waveFields.toString());

    String foreign = batch(stranger);
    Reply other = api.post("/api/v1/campaigns", operator.accessToken(), campaign(List.of(foreign)));
    assertEquals(422, other.status());
    assertEquals("not_found", other.body().at("/details/0/code").asText());
    assertEquals(403, api.post("/api/v1/campaigns", viewer.accessToken(), campaign(List.of())).status());
  }

  @Test
  void givenADraft_whenScheduledPausedResumedAndCancelled_itShouldFollowTheLifecycle() {
    String batchId = batch(operator);
    Reply created = api.post("/api/v1/campaigns", operator.accessToken(), campaign(List.of(batchId)));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String id = created.body().get("id").asText();
    assertEquals("draft", created.body().get("state").asText());
    String path = "/api/v1/campaigns/" + id;

    Map<String, Object> edit = campaign(List.of(batchId));
    edit.put("name", "Cobranza diaria");
    edit.put("dailyQuota", 2);
    Reply updated = api.send("PUT", path, operator.accessToken(), edit);
    assertEquals(200, updated.status(), String.valueOf(updated.body()));
    assertEquals(2, updated.body().get("dailyQuota").asInt());
    assertEquals(409, api.post(path + "/pause", operator.accessToken(), null).status(), "a draft cannot be paused");
    assertEquals(404, api.get(path, stranger.accessToken()).status(), "another organisation sees nothing");
    assertEquals(403, api.post(path + "/schedule", viewer.accessToken(), null).status());

    Reply scheduled = api.post(path + "/schedule", operator.accessToken(), null);
    assertEquals(200, scheduled.status(), String.valueOf(scheduled.body()));
    assertEquals(409, api.send("PUT", path, operator.accessToken(), edit).status(), "only drafts are edited");
    JsonNode running = await(path, c -> "running".equals(c.at("/progress/state").asText())
        && "active".equals(c.at("/progress/batches/0/status").asText()));
    assertEquals(1, running.at("/progress/batches/0/started").asInt(),
        "the batch started its first contact on creation; the campaign adopted it and counts from there");
    assertEquals(0, running.at("/progress/startedToday").asInt());
    assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), running.at("/progress/day").asText());
    assertEquals(200, api.get(path, viewer.accessToken()).status());

    Reply paused = api.post(path + "/pause", operator.accessToken(), null);
    assertEquals(200, paused.status(), String.valueOf(paused.body()));
    assertEquals("paused", paused.body().get("state").asText());
    Reply again = api.post(path + "/pause", operator.accessToken(), null);
    assertEquals(409, again.status());
    assertTrue(again.body().get("message").asText().contains("already paused"), again.body().toString());
    await("/api/v1/batches/" + batchId, b -> "paused".equals(b.at("/batch/status").asText()));

    Reply resumed = api.post(path + "/resume", operator.accessToken(), null);
    assertEquals(200, resumed.status(), String.valueOf(resumed.body()));
    assertEquals("running", resumed.body().get("state").asText());

    assertEquals(202, api.post(path + "/cancel", operator.accessToken(), null).status());
    await(path, c -> "cancelled".equals(c.get("state").asText()));
    await("/api/v1/batches/" + batchId, b -> "cancelled".equals(b.at("/batch/status").asText()));
    JsonNode days = await(path + "/days", d -> d.size() == 1);
    assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), days.at("/0/day").asText());
    assertEquals(0, days.at("/0/callsStarted").asInt(), "the next start was 100 s away when it was cancelled");
    assertTrue(days.at("/0/finishedByDisposition").isObject());
    assertEquals(409, api.post(path + "/resume", operator.accessToken(), null).status());
  }

  /**
   * An SMS wave to every contact of the campaign's batch, under an SMS quota of 2 a day: it is held (no workflow)
   * until the campaign's window opens, sends through the sandbox until the quota, is held again, and the day's
   * roll-up counts its messages. 12 a minute: the documented bound lets a wave pass its quota by what it sends in
   * the one-second poll before it is held.
   */
  @Test
  void givenACampaignWithAnSmsWaveAndAQuota_whenScheduled_itShouldSendUpToTheQuotaAndRollItUp() {
    String batchId = batch(operator);
    Map<String, Object> body = campaign(List.of(batchId));
    body.put("waves", List.of(Map.of("name", "Recordatorio", "channel", "sms", "body",
        "Hola {{name}}, le recordamos su pago.", "batchId", batchId, "perMinute", 12)));
    body.put("messageQuotas", Map.of("sms", 2));
    Reply created = api.post("/api/v1/campaigns", operator.accessToken(), body);
    assertEquals(201, created.status(), String.valueOf(created.body()));
    assertEquals("held", created.body().at("/waves/0/status").asText());
    assertEquals(2, created.body().at("/messageQuotas/sms").asInt());
    assertEquals(false, created.body().at("/waves/0/waitsForBatch").asBoolean());
    String path = "/api/v1/campaigns/" + created.body().get("id").asText();
    String waveId = created.body().at("/waves/0/id").asText();

    Reply estimate = api.get(path + "/estimate", viewer.accessToken());
    assertEquals(200, estimate.status(), String.valueOf(estimate.body()));
    // 3 contacts × 1 attempt × 2 reserved minutes × 1 credit, and 3 SMS of 1 segment × 1 credit
    assertEquals(6, estimate.body().get("callCredits").asLong(), estimate.body().toString());
    assertEquals(3, estimate.body().get("messageCredits").asLong(), estimate.body().toString());
    assertEquals(9, estimate.body().get("credits").asLong());
    assertEquals(1, estimate.body().at("/waves/0/segmentsPerMessage").asInt());
    assertEquals(404, api.get(path + "/estimate", stranger.accessToken()).status());

    assertEquals(200, api.post(path + "/schedule", operator.accessToken(), null).status());
    JsonNode held = await(path, c -> c.at("/progress/quotaReachedChannels").toString().contains("sms")
        && "held".equals(c.at("/progress/waves/0/status").asText()));
    int sent = held.at("/progress/waves/0/sent").asInt();
    assertTrue(sent >= 2 && sent <= 3, "the SMS quota of 2, within its bound: " + held.at("/progress"));
    assertEquals(sent, held.at("/progress/sentToday/sms").asInt());
    await("/api/v1/messages/waves/" + waveId, w -> "paused".equals(w.get("status").asText()));
    Reply direct = api.post("/api/v1/messages/waves/" + waveId + "/resume", operator.accessToken(), null);
    assertEquals(409, direct.status(), "the campaign controls its waves");
    assertEquals("wave_in_campaign", direct.code());

    Reply invalidWave = api.post(path + "/waves", operator.accessToken(), Map.of("name", "Otra", "channel", "fax",
        "body", "x", "batchId", UUID.randomUUID().toString()));
    assertEquals(422, invalidWave.status());
    assertEquals("invalid_wave", invalidWave.code());
    assertTrue(invalidWave.body().get("details").findValuesAsText("field").containsAll(List.of("channel", "batchId")),
        invalidWave.body().toString());
    Reply added = api.post(path + "/waves", operator.accessToken(), Map.of("name", "WhatsApp", "channel", "whatsapp",
        "body", "Hola {{name}}", "batchId", batchId, "disposition", "no_answer"));
    assertEquals(201, added.status(), String.valueOf(added.body()));
    JsonNode two = await(path, c -> c.at("/progress/waves").size() == 2);
    assertEquals(true, two.at("/waves/1/waitsForBatch").asBoolean());
    assertEquals("held", two.at("/progress/waves/1/status").asText(), "it waits for its batch to end");

    assertEquals(202, api.post(path + "/cancel", operator.accessToken(), null).status());
    await(path, c -> "cancelled".equals(c.get("state").asText()));
    await("/api/v1/messages/waves/" + waveId, w -> "cancelled".equals(w.get("status").asText()));
    JsonNode days = await(path + "/days", d -> d.size() == 1);
    assertEquals(sent, days.at("/0/messagesSent").asInt());
    assertTrue(days.at("/0/messagesByStatus").isObject(), days.toString());
  }

  /**
   * A real batch that runs out of credit pauses itself in words ("no credit: 1 credits available, 2 needed…"): the
   * campaign must recognise it and pause with {@code no_credit} rather than keep running and release the batch again.
   */
  @Test
  void givenTooLittleCredit_whenTheCampaignsBatchRunsOut_theCampaignShouldPauseWithNoCredit() throws Exception {
    Session admin = api.registerAndLogin("Cobranzas Sin Saldo");
    api.enforceCredits(admin, true);
    assertEquals(201, api.topup(admin, 1, "casi nada").status(), "2 credits are held per call: none fits");
    List<List<String>> six = new java.util.ArrayList<>(SHEET);
    six.addAll(List.of(List.of("Rosa Díaz", "300 123 4563"), List.of("Juan Mora", "300 123 4564"),
        List.of("Eva Luna", "300 123 4565")));
    Reply batch = api.upload("/api/v1/batches", admin.accessToken(), "file", "lista.xlsx", CallFixtures.workbook(six),
        Map.of("settings", SETTINGS.replace("\"callsPerSecond\":0.01", "\"callsPerSecond\":1")));
    assertEquals(201, batch.status(), String.valueOf(batch.body()));
    String batchId = batch.body().get("id").asText();
    Map<String, Object> body = campaign(List.of(batchId));
    body.put("dailyQuota", 3);
    String path = "/api/v1/campaigns/" + api.post("/api/v1/campaigns", admin.accessToken(), body).body().get("id").asText();
    assertEquals(200, api.post(path + "/schedule", admin.accessToken(), null).status());

    JsonNode paused = await(admin, path, c -> "paused".equals(c.get("state").asText()));
    assertEquals("no_credit", paused.get("pauseReason").asText(), paused.toString());
    JsonNode pausedBatch = await(admin, "/api/v1/batches/" + batchId, b -> "paused".equals(b.at("/batch/status").asText()));
    String words = DB.jdbi().withHandle(h -> h.createQuery("select pause_reason from call_batches where id = :id")
        .bind("id", UUID.fromString(batchId)).mapTo(String.class).one());
    assertTrue(words.startsWith("no credit:"), "the batch says why in words: " + words);
    int started = pausedBatch.at("/batch/started").asInt();
    Thread.sleep(3_000); // a campaign that did not know those words would release the batch and spend the next contact
    JsonNode still = api.get(path, admin.accessToken()).body();
    assertEquals("paused", still.get("state").asText(), still.toString());
    assertEquals(started, api.get("/api/v1/batches/" + batchId, admin.accessToken()).body().at("/batch/started").asInt(),
        "no contact spent after the pause");
  }

  static Session invite(Session admin, String role) {
    String email = role + "-" + UUID.randomUUID() + "@example.com";
    Reply created = api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "User " + role, "role", role));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return api.login(email, "long enough pw");
  }

  static Map<String, Object> campaign(List<String> batchIds) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Campaña de noviembre");
    body.put("startDate", today.toString());
    body.put("endDate", today.plusDays(30).toString());
    body.put("weekdays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"));
    body.put("windowStart", "00:00");
    body.put("windowEnd", "23:59");
    body.put("timeZone", "UTC");
    body.put("dailyQuota", 100);
    body.put("batchIds", batchIds);
    return body;
  }

  static String batch(Session session) {
    byte[] workbook;
    try {
      workbook = CallFixtures.workbook(SHEET);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Reply created = api.upload("/api/v1/batches", session.accessToken(), "file", "lista.xlsx",
        workbook, Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return created.body().get("id").asText();
  }

  static JsonNode await(String path, Predicate<JsonNode> condition) {
    return await(operator, path, condition);
  }

  static JsonNode await(Session session, String path, Predicate<JsonNode> condition) {
    JsonNode last = null;
    for (int i = 0; i < 150; i++) {
      last = api.get(path, session.accessToken()).body();
      if (condition.test(last)) {
        return last;
      }
      try {
        Thread.sleep(200); // real HTTP against a real-time server: poll, bounded
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("condition not met on " + path + ": " + last);
  }
}
