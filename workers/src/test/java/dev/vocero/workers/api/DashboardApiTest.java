package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.credits.CreditLedger;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard through real HTTP and PostgreSQL: two organizations with known campaigns, a batch, credits, calls,
 * messages, audios and alerts (today's and older ones), and each one must see exactly its own numbers of today.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  /** Every number is on the do-not-call list: the batch completes at once and the sandbox places no call. */
  static final String SETTINGS = """
      {"name":"Lote del tablero","callsPerSecond":20,"maxConcurrentCalls":3,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static final List<List<String>> SHEET = List.of(List.of("Nombre", "Teléfono"),
      List.of("Ana Pérez", "300 123 4560"), List.of("Luis Gómez", "300 123 4561"), List.of("Marta Ruiz", "300 123 4562"));
  static final String PATH = "/api/v1/dashboard/overview";
  static ApiClient api;
  static Session admin;
  static Session viewer;
  static Session stranger;
  static UUID orgId;
  static UUID strangerOrgId;
  static String runningCampaignId;

  @BeforeAll
  static void createKnownData() throws IOException {
    api = new ApiClient(APP.getLocalPort());
    Jdbi jdbi = DB.jdbi();
    stranger = api.registerAndLogin("Otra Empresa");
    strangerOrgId = orgOf(stranger);
    topup(stranger, 7);
    assertEquals(201, api.post("/api/v1/campaigns", stranger.accessToken(), campaign("Ajena")).status());
    jdbi.useHandle(h -> message(h, strangerOrgId, "outbound", "delivered", "now()"));

    admin = api.registerAndLogin("Cobranzas Tablero");
    orgId = orgOf(admin);
    viewer = invite(admin, "viewer");
    topup(admin, 500);
    assertEquals(200, api.enforceCredits(admin, true).status());
    assertEquals(CreditLedger.ReservationStatus.GRANTED,
        new CreditLedger(jdbi).reserve(orgId, UUID.randomUUID().toString(), 40).status());

    for (int i = 0; i < 3; i++) {
      assertEquals(201, api.post("/api/v1/dnc", admin.accessToken(), Map.of("phone", "+57300123456" + i)).status());
    }
    Reply batch = api.upload("/api/v1/batches", admin.accessToken(), "file", "lista.xlsx", CallFixtures.workbook(SHEET),
        Map.of("settings", SETTINGS));
    assertEquals(201, batch.status(), String.valueOf(batch.body()));
    UUID batchId = UUID.fromString(batch.body().get("id").asText());
    awaitCompleted("/api/v1/batches/" + batchId);

    runningCampaignId = created(campaign("En curso"));
    created(campaign("Borrador"));
    String cancelled = created(campaign("Cancelada"));
    assertEquals(200, api.post("/api/v1/campaigns/" + cancelled + "/cancel", admin.accessToken(), null).status());

    jdbi.useHandle(h -> {
      UUID running = UUID.fromString(runningCampaignId);
      // what the campaign workflow would have written: it runs, over the batch
      h.execute("update campaigns set state = 'running', time_zone = ? where id = ?", middayZone(), running);
      h.execute("insert into campaign_batches (campaign_id, org_id, batch_id) values (?, ?, ?)", running, orgId, batchId);
      List<Long> contacts = h.select("select id from contacts where batch_id = ? order by id", batchId).mapTo(Long.class).list();
      attempt(h, batchId, contacts.get(0), 1, "ended", "answered_human", "now()");
      attempt(h, batchId, contacts.get(1), 1, "placed", null, "now()");
      attempt(h, batchId, contacts.get(1), 2, "ended", "no_answer", "now()");
      attempt(h, batchId, contacts.get(2), 1, "ended", "busy", "now() - interval '2 days'");

      for (String state : List.of("delivered", "delivered", "failed", "pending")) {
        message(h, orgId, "outbound", state, "now()");
      }
      message(h, orgId, "inbound", "received", "now()");
      message(h, orgId, "outbound", "delivered", "now() - interval '2 days'");

      UUID audio = audio(h, "completed", "now()");
      audio(h, "completed", "now()");
      audio(h, "failed", "now()");
      audio(h, "completed", "now() - interval '2 days'");
      audio(h, "transcribing", null);
      UUID rule = UUID.randomUUID();
      h.execute("insert into alert_rules (id, org_id, name, kind, pattern, severity) values (?, ?, 'Amenaza', 'keyword',"
          + " 'demanda', 'high')", rule, orgId);
      int segment = 0;
      for (String status : List.of("open", "open", "assigned", "resolved")) {
        h.execute("insert into alerts (id, org_id, rule_id, audio_id, segment_idx, start_ms, evidence, severity, status)"
            + " values (?, ?, ?, ?, ?, 0, 'demanda', 'high', ?)", UUID.randomUUID(), orgId, rule, audio, segment++, status);
      }
    });
  }

  @Test
  void givenKnownData_whenTheOverviewIsRead_itShouldCountExactlyTodaysRowsOfTheCallersOrganization() {
    Reply reply = api.get(PATH, admin.accessToken());
    assertEquals(200, reply.status(), String.valueOf(reply.body()));
    JsonNode o = reply.body();
    assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), o.get("day").asText());
    assertEquals("UTC", o.get("timeZone").asText());
    assertEquals(Map.of("draft", 1, "scheduled", 0, "running", 1, "paused", 0, "completed", 0, "cancelled", 1),
        ints(o.at("/campaigns/byState")));
    JsonNode running = o.at("/campaigns/running");
    assertEquals(1, running.size());
    assertEquals(runningCampaignId, running.at("/0/id").asText());
    assertEquals("En curso", running.at("/0/name").asText());
    assertEquals(120, running.at("/0/dailyQuota").asInt());
    assertEquals(2, running.at("/0/startedToday").asInt(), "two contacts had their first call today");
    assertEquals(Map.of("running", 0, "paused", 0, "completed", 1, "cancelled", 0, "failed", 0),
        ints(o.at("/batches/byStatus")));

    assertEquals(3, o.at("/calls/started").asInt(), "placed today, whether ended or not");
    assertEquals(2, o.at("/calls/finished").asInt());
    assertEquals(Map.of("answered_human", 1, "no_answer", 1), ints(o.at("/calls/finishedByDisposition")));

    assertEquals(4, o.at("/messages/total").asInt(), "outbound of today only");
    assertEquals(Map.of("pending", 1, "processing", 0, "sent", 0, "delivered", 2, "read", 0, "failed", 1, "cancelled", 0),
        ints(o.at("/messages/byStatus")));

    assertEquals(Map.of("balance", 500, "reserved", 40, "available", 460), Map.of("balance", o.at("/credits/balance").asInt(),
        "reserved", o.at("/credits/reserved").asInt(), "available", o.at("/credits/available").asInt()));
    assertEquals(true, o.at("/credits/enforced").asBoolean());
    assertEquals(2, o.at("/audio/completed").asInt());
    assertEquals(1, o.at("/audio/failed").asInt());
    assertEquals(2, o.at("/alerts/open").asInt());
    assertEquals(1, o.at("/alerts/assigned").asInt());

    Reply asViewer = api.get(PATH, viewer.accessToken());
    assertEquals(200, asViewer.status(), "every role may read it");
    assertEquals(o.get("campaigns"), asViewer.body().get("campaigns"));
    assertEquals(401, api.get(PATH, null).status());
  }

  @Test
  void givenAnotherOrganization_whenItReadsTheOverview_itShouldSeeOnlyItsOwnRows() {
    JsonNode o = api.get(PATH, stranger.accessToken()).body();
    assertEquals(1, o.at("/campaigns/byState/draft").asInt());
    assertEquals(0, o.at("/campaigns/byState/running").asInt());
    assertEquals(0, o.at("/campaigns/running").size());
    assertEquals(0, o.at("/batches/byStatus/completed").asInt());
    assertEquals(0, o.at("/calls/started").asInt());
    assertEquals(0, o.at("/calls/finishedByDisposition").size());
    assertEquals(1, o.at("/messages/total").asInt());
    assertEquals(7, o.at("/credits/balance").asInt());
    assertEquals(7, o.at("/credits/available").asInt());
    assertEquals(false, o.at("/credits/enforced").asBoolean());
    assertEquals(0, o.at("/audio/completed").asInt());
    assertEquals(0, o.at("/alerts/open").asInt());
  }

  private static Session invite(Session by, String role) {
    String email = role + "-" + UUID.randomUUID() + "@example.com";
    Reply created = api.post("/api/v1/users", by.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "User " + role, "role", role));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return api.login(email, "long enough pw");
  }

  private static void awaitCompleted(String path) {
    JsonNode last = null;
    for (int i = 0; i < 300; i++) {
      last = api.get(path, admin.accessToken()).body();
      if ("completed".equals(last.at("/batch/status").asText())) {
        return;
      }
      try {
        Thread.sleep(200); // real HTTP against a real-time server: poll, bounded
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("batch never completed: " + last);
  }

  /** A zone where it is now about noon: the campaign's own day cannot turn while the test runs. */
  private static String middayZone() {
    int offset = 12 - java.time.LocalTime.now(ZoneOffset.UTC).getHour();
    return offset >= 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + -offset; // Etc/GMT signs are inverted: Etc/GMT-3 is UTC+3
  }

  private static UUID orgOf(Session session) {
    return DB.jdbi().withHandle(h -> h.select("select org_id from users where email = ?", session.email()).mapTo(UUID.class).one());
  }

  private static void topup(Session session, long amount) {
    Reply reply = api.topup(session, amount, "prueba");
    assertEquals(201, reply.status(), String.valueOf(reply.body()));
  }

  private static String created(Map<String, Object> body) {
    Reply reply = api.post("/api/v1/campaigns", admin.accessToken(), body);
    assertEquals(201, reply.status(), String.valueOf(reply.body()));
    return reply.body().get("id").asText();
  }

  private static Map<String, Object> campaign(String name) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("startDate", today.toString());
    body.put("endDate", today.plusDays(10).toString());
    body.put("weekdays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"));
    body.put("windowStart", "00:00");
    body.put("windowEnd", "23:59");
    body.put("timeZone", "UTC");
    body.put("dailyQuota", 120);
    body.put("batchIds", List.of());
    return body;
  }

  /** {@code at} is SQL (the database's clock), so "today" is the same day the query sees. */
  private static void attempt(Handle h, UUID batchId, long contactId, int number, String status, String disposition,
      String at) {
    h.createUpdate("insert into call_attempts (id, org_id, batch_id, contact_id, attempt_number, phone_index, phone_e164,"
        + " status, disposition, placed_at, ended_at) values (:id, :org, :batch, :contact, :number, 0, '+573001234560',"
        + " :status, :disposition, " + at + ", case when :status = 'ended' then " + at + " end)")
        .bind("id", UUID.randomUUID()).bind("org", orgId).bind("batch", batchId).bind("contact", contactId)
        .bind("number", number).bind("status", status).bind("disposition", disposition).execute();
  }

  private static void message(Handle h, UUID org, String direction, String state, String at) {
    h.createUpdate("insert into messages (id, org_id, phone_e164, channel, direction, body, state, created_at)"
        + " values (:id, :org, '+573001234560', 'sms', :direction, 'Hola', :state, " + at + ")")
        .bind("id", UUID.randomUUID()).bind("org", org).bind("direction", direction).bind("state", state).execute();
  }

  private static UUID audio(Handle h, String status, String completedAt) {
    UUID id = UUID.randomUUID();
    h.createUpdate("insert into audios (id, org_id, content_type, size_bytes, sha256, blob_key, status, completed_at)"
        + " values (:id, :org, 'audio/wav', 1000, :sha, :sha, :status, " + (completedAt == null ? "null" : completedAt) + ")")
        .bind("id", id).bind("org", orgId).bind("sha", id.toString()).bind("status", status).execute();
    return id;
  }

  private static Map<String, Integer> ints(JsonNode object) {
    Map<String, Integer> values = new HashMap<>();
    object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asInt()));
    return values;
  }
}
