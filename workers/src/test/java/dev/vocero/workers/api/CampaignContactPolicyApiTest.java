package dev.vocero.workers.api;

import static dev.vocero.workers.CallFixtures.CHILEAN_DEBTORS;
import static dev.vocero.workers.CallFixtures.anyTimeSettings;
import static dev.vocero.workers.CallFixtures.chileanSettings;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A campaign's own contactPolicy over real HTTP, PostgreSQL and Temporal: stricter than its batches' jurisdictions or
 * an admin's audited override, no batch looser than its campaign, applied to its waves and previews; and the launch
 * preview's retries.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CampaignContactPolicyApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static ApiClient api;
  static Session admin;
  static Session operator;

  @BeforeAll
  static void setUp() {
    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Cobranzas Campañas Chile");
    operator = api.operatorOf(admin);
  }

  /** Ana and Luis in a Chilean batch that starts a call every 100 s at most. */
  static String chileanBatch(Session who, String contactPolicy) {
    return api.createBatch(who, CHILEAN_DEBTORS, chileanSettings(contactPolicy));
  }

  static Map<String, Object> campaign(List<String> batchIds, Object contactPolicy) {
    Map<String, Object> body = CallFixtures.campaign("Campaña", batchIds);
    if (contactPolicy != null) {
      body.put("contactPolicy", contactPolicy);
    }
    return body;
  }

  @Test
  void givenAStricterCampaignPolicy_itShouldBeStoredShownAndPreviewedUnderTheCampaignAndTheBatch() {
    String batchId = chileanBatch(operator, "{\"minHoursBetweenCalls\":72}");
    Reply created = api.post("/api/v1/campaigns", operator.accessToken(), campaign(List.of(batchId),
        Map.of("callsPerDay", 0, "messagesPerWeek", 1)));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    assertEquals(0, created.body().at("/contactPolicy/callsPerDay").asInt());
    String path = "/api/v1/campaigns/" + created.body().get("id").asText();
    JsonNode shown = api.get(path, operator.accessToken()).body();
    assertEquals(1, shown.at("/contactPolicy/messagesPerWeek").asInt(), shown.toString());
    assertTrue(shown.at("/contactPolicy/override").isNull() || shown.at("/contactPolicy/override").isMissingNode());
    JsonNode listed = api.get("/api/v1/campaigns", operator.accessToken()).body();
    assertTrue(listed.toString().contains("\"messagesPerWeek\":1"), listed.toString());

    JsonNode preview = api.get(path + "/estimate", operator.accessToken()).body().at("/batches/0/preview");
    assertEquals("CL@2026-12-07+campaign+batch", preview.get("policy").asText(), preview.toString());
    assertEquals(0, preview.get("reachable").asInt(), "no call a day under the campaign: " + preview);
    assertEquals("campaign.calls-per-day", preview.at("/blocked/0/ruleId").asText(), preview.toString());
    assertEquals(2, preview.at("/blocked/0/persons").asInt());
  }

  @Test
  void givenACampaignPolicyLooserThanChile_itShouldBeRefusedNamingEachField() {
    String batchId = chileanBatch(operator, null);
    Reply refused = api.post("/api/v1/campaigns", operator.accessToken(), campaign(List.of(batchId),
        Map.of("callsPerWeek", 2, "minHoursBetweenMessages", 12, "windows", List.of("SUN 10:00-12:00"))));
    ContactPolicyApiTest.assertRefusedAsLooserThanChile(refused, "invalid_campaign");
    assertEquals(0L, (long) DB.jdbi().withHandle(h -> h.createQuery("select count(*) from campaign_batches where batch_id ="
        + " cast(:b as uuid)").bind("b", batchId).mapTo(Long.class).one()), "nothing stored");
  }

  @Test
  void givenABatchLooserThanItsCampaign_itShouldNotJoinIt() {
    String loose = chileanBatch(operator, "{\"messagesPerWeek\":2}");
    Reply refused = api.post("/api/v1/campaigns", operator.accessToken(), campaign(List.of(loose),
        Map.of("messagesPerWeek", 1)));
    assertEquals(422, refused.status(), String.valueOf(refused.body()));
    assertEquals("invalid_campaign", refused.code());
    assertEquals("batchIds[0]", refused.body().at("/details/0/field").asText(), refused.body().toString());
    assertEquals("looser_than_policy", refused.body().at("/details/0/code").asText());
    assertTrue(refused.body().at("/details/0/message").asText().contains("campaign.messages-per-week"),
        refused.body().toString());

    Reply draft = api.post("/api/v1/campaigns", operator.accessToken(), campaign(List.of(),
        Map.of("messagesPerWeek", 1)));
    assertEquals(201, draft.status(), String.valueOf(draft.body()));
    Reply added = api.post("/api/v1/campaigns/" + draft.body().get("id").asText() + "/batches",
        operator.accessToken(), Map.of("batchId", loose));
    assertEquals(422, added.status(), String.valueOf(added.body()));
    assertEquals("invalid_batch", added.code());
    assertEquals("batchId", added.body().at("/details/0/field").asText());

    String stricter = chileanBatch(operator, "{\"messagesPerWeek\":1,\"minHoursBetweenMessages\":96}");
    assertEquals(200, api.post("/api/v1/campaigns/" + draft.body().get("id").asText() + "/batches",
        operator.accessToken(), Map.of("batchId", stricter)).status(), "a batch may be stricter still");
  }

  @Test
  void givenAnOverride_itShouldBeAdminOnlyNeedAReasonAndBeAuditedAndShown() {
    String batchId = chileanBatch(admin, null);
    Map<String, Object> override = Map.of("callsPerWeek", 2, "override", Map.of("reason", "convenio de pago"));
    Reply forbidden = api.post("/api/v1/campaigns", operator.accessToken(), campaign(List.of(batchId), override));
    assertEquals(403, forbidden.status(), String.valueOf(forbidden.body()));
    assertEquals("forbidden", forbidden.code());
    Reply noReason = api.post("/api/v1/campaigns", admin.accessToken(), campaign(List.of(batchId),
        Map.of("callsPerWeek", 2, "override", Map.of("reason", " "))));
    assertEquals(422, noReason.status());
    assertEquals(List.of("contactPolicy.override.reason"), noReason.body().get("details").findValuesAsText("field"));

    Reply created = api.post("/api/v1/campaigns", admin.accessToken(), campaign(List.of(batchId), override));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String id = created.body().get("id").asText();
    JsonNode detail = api.get("/api/v1/campaigns/" + id, operator.accessToken()).body();
    assertEquals(2, detail.at("/contactPolicy/callsPerWeek").asInt());
    assertEquals("convenio de pago", detail.at("/contactPolicy/override/reason").asText());
    JsonNode audit = api.get("/api/v1/audit?action=campaigns.policy_override&objectId=" + id, admin.accessToken())
        .body();
    assertEquals(1, audit.get("total").asInt(), audit.toString());
    assertEquals("convenio de pago", audit.at("/items/0/changes/after/contactPolicy/override/reason").asText());
    JsonNode preview = api.get("/api/v1/campaigns/" + id + "/estimate", admin.accessToken()).body()
        .at("/batches/0/preview");
    assertEquals("CL@2026-12-07+campaign-override", preview.get("policy").asText(), preview.toString());

    Reply report = api.get("/api/v1/campaigns/" + id + "/report.xlsx", admin.accessToken());
    assertEquals(200, report.status());
    Map<String, String> summary = CallFixtures.reportSummary(report.raw().body());
    assertEquals("convenio de pago", summary.get("EXCEPCIÓN a la política (override)"), "the report shows it: "
        + summary);
    assertTrue(summary.get("Límites propios de la campaña").contains("llamadas por semana ≤ 2"), summary.toString());
  }

  /** The wave runs under the campaign's policy: no message a week, so no person is texted and each skip names it. */
  @Test
  void givenACampaignThatAllowsNoMessage_whenItsWaveRuns_noPersonShouldBeTexted() {
    String batchId = api.createBatch(operator, CHILEAN_DEBTORS, anyTimeSettings("Sin mensajes"));
    Map<String, Object> body = campaign(List.of(batchId), Map.of("messagesPerWeek", 0));
    body.put("waves", List.of(Map.of("name", "Aviso", "channel", "sms", "body", "Hola {{name}}", "batchId", batchId,
        "perMinute", 600)));
    Reply created = api.post("/api/v1/campaigns", operator.accessToken(), body);
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String path = "/api/v1/campaigns/" + created.body().get("id").asText();
    String waveId = created.body().at("/waves/0/id").asText();
    JsonNode estimate = api.get(path + "/estimate", operator.accessToken()).body();
    assertEquals("campaign.messages-per-week", estimate.at("/waves/0/preview/blocked/0/ruleId").asText(),
        estimate.toString());

    assertEquals(200, api.post(path + "/schedule", operator.accessToken(), null).status());
    JsonNode wave = api.await("/api/v1/messages/waves/" + waveId, operator.accessToken(),
        w -> "completed".equals(w.get("status").asText()), Duration.ofSeconds(40));
    assertEquals(1, wave.get("counts").size(), "every message skipped, none sent: " + wave);
    assertTrue(wave.at("/counts/skipped_policy").asInt() >= 2, "both persons skipped: " + wave);
    List<String> rules = DB.jdbi().withHandle(h -> h.createQuery("select distinct rule_id from messages"
        + " where wave_id = cast(:w as uuid)").bind("w", waveId).mapTo(String.class).list());
    assertEquals(List.of("campaign.messages-per-week"), rules);
    assertEquals(202, api.post(path + "/cancel", operator.accessToken(), null).status());
  }

  /**
   * The batch's calls ask the gate when its window opens, two minutes after the upload: by then the batch belongs to a
   * campaign that allows no call a day, so every call is blocked under the campaign's rule and none is placed.
   */
  @Test
  void givenABatchInACampaignThatAllowsNoCall_whenItsWindowOpens_noPersonShouldBeCalled() {
    java.time.ZonedDateTime open = java.time.ZonedDateTime.now(java.time.ZoneId.of("America/Santiago"))
        .truncatedTo(ChronoUnit.MINUTES).plusMinutes(2);
    java.time.ZonedDateTime close = open.plusMinutes(30);
    String window = open.getDayOfWeek().name().substring(0, 3) + " " + open.toLocalTime() + "-"
        + (close.toLocalDate().equals(open.toLocalDate()) ? close.toLocalTime().toString() : "23:59");
    String batchId = api.createBatch(operator, CHILEAN_DEBTORS, "{\"name\":\"Ventana\",\"callsPerSecond\":5,"
        + "\"maxConcurrentCalls\":2,\"maxAttempts\":1,\"jurisdiction\":\"CUSTOM\","
        + "\"customWindows\":[\"" + window + "\"],\"defaultRegion\":\"CL\",\"answerTimeoutSeconds\":10}");
    Reply created = api.post("/api/v1/campaigns", operator.accessToken(), campaign(List.of(batchId),
        Map.of("callsPerDay", 0)));
    assertEquals(201, created.status(), String.valueOf(created.body()));

    String path = "/api/v1/batches/" + batchId;
    JsonNode done = api.await(path, operator.accessToken(), b -> "completed".equals(b.at("/batch/status").asText()),
        Duration.ofMinutes(6));
    assertEquals(0L, (long) DB.jdbi().withHandle(h -> h.createQuery("select count(*) from person_contacts"
        + " where batch_id = cast(:b as uuid) and decision = 'allow'").bind("b", batchId).mapTo(Long.class).one()),
        "no call placed: " + done);
    List<String> blocks = DB.jdbi().withHandle(h -> h.createQuery("select distinct rule_id from person_contacts"
        + " where batch_id = cast(:b as uuid) and decision = 'block'").bind("b", batchId).mapTo(String.class).list());
    assertEquals(List.of("campaign.calls-per-day"), blocks);
  }

  @Test
  void givenADryRunWithRetries_itShouldPreviewFirstCallsAndRetriesByDayAndWhatBlocksTheRest() {
    Session org = api.registerAndLogin("Cobranzas Reintentos");
    assertEquals(201, api.post("/api/v1/dnc", org.accessToken(), Map.of("phone", "+56933333333")).status());
    Instant deadline = Instant.now().plus(11, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String settings = "{\"name\":\"Chile\",\"maxAttempts\":3,\"retryDelaySeconds\":{\"no_answer\":3600},"
        + "\"jurisdiction\":\"CL\",\"defaultRegion\":\"CL\",\"deadline\":\"" + deadline + "\"}";
    Reply dryRun = api.uploadSheet("/api/v1/batches?dryRun=true", org, CHILEAN_DEBTORS, settings);
    assertEquals(200, dryRun.status(), String.valueOf(dryRun.body()));
    JsonNode retries = dryRun.body().at("/preview/retries");
    assertEquals("no_answer", retries.get("assumedOutcome").asText(), retries.toString());
    assertTrue(retries.get("assumption").asText().contains("unanswered call counts as a contact"));
    assertEquals(1, retries.get("firstCalls").asInt(), retries.toString());
    assertEquals(1, retries.get("retries").asInt(), "once a week in Chile: one retry before the deadline " + retries);
    assertEquals(2, retries.get("byDay").size());
    LocalDate first = LocalDate.parse(retries.at("/byDay/0/date").asText());
    LocalDate second = LocalDate.parse(retries.at("/byDay/1/date").asText());
    assertTrue(!second.isBefore(first.plusDays(7)), "a week apart: " + retries);
    assertEquals(1, retries.at("/byDay/1/retries").asInt());
    Map<String, JsonNode> blocked = new HashMap<>();
    retries.get("blocked").forEach(b -> blocked.put(b.get("ruleId").asText(), b));
    assertEquals(1, blocked.get("deadline").get("attempts").asInt(), retries.toString());
    assertEquals(1, blocked.get("deadline").get("retries").asInt());
    assertEquals(3, blocked.get("dnc").get("attempts").asInt(), "Luis's three attempts: " + retries);
    assertEquals(0, api.get("/api/v1/batches", org.accessToken()).body().get("total").asInt(), "nothing stored");
  }
}
