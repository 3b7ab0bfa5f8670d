package dev.vocero.workers.api;

import static dev.vocero.workers.CallFixtures.CHILEAN_DEBTORS;
import static dev.vocero.workers.CallFixtures.chileanSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.domain.persons.PersonKey;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A batch's contactPolicy (stricter only, or an admin's audited override) and the launch preview, over real HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContactPolicyApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  static ApiClient api;
  static Session admin;
  static Session operator;

  @BeforeAll
  static void setUp() {
    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Cobranzas Chile");
    operator = api.operatorOf(admin);
  }

  /** Ana and Luis in a Chilean batch with this contactPolicy (JSON; null: none). */
  static Reply upload(Session who, String path, String contactPolicy) {
    return api.uploadSheet(path, who, CHILEAN_DEBTORS, chileanSettings(contactPolicy));
  }

  @Test
  void givenAChileanBatchAskingForTwoCallsAWeekOrSundays_itShouldBeRefusedNamingEachField() {
    Reply refused = upload(operator, "/api/v1/batches",
        "{\"callsPerWeek\":2,\"windows\":[\"SUN 10:00-12:00\"],\"minHoursBetweenMessages\":12}");
    assertRefusedAsLooserThanChile(refused, "invalid_settings");
  }

  /** Refused with {@code code}, naming each field that asks for more than Chile allows: calls, messages, windows. */
  static void assertRefusedAsLooserThanChile(Reply refused, String code) {
    assertEquals(422, refused.status(), String.valueOf(refused.body()));
    assertEquals(code, refused.code());
    JsonNode details = refused.body().get("details");
    assertEquals(List.of("contactPolicy.callsPerWeek", "contactPolicy.minHoursBetweenMessages",
        "contactPolicy.windows"), details.findValuesAsText("field"));
    assertEquals(List.of("looser_than_policy", "looser_than_policy", "looser_than_policy"),
        details.findValuesAsText("code"));
    assertTrue(details.get(0).get("message").asText().contains("cl.phone-once-a-week"), details.toString());
  }

  @Test
  void givenAnOverride_itShouldBeAdminOnlyNeedAReasonAndBeAuditedAndShown() {
    String override = "{\"callsPerWeek\":2,\"override\":{\"reason\":\"the debtor asked for a second call\"}}";
    Reply forbidden = upload(operator, "/api/v1/batches", override);
    assertEquals(403, forbidden.status(), String.valueOf(forbidden.body()));
    assertEquals("forbidden", forbidden.code());
    Reply noReason = upload(admin, "/api/v1/batches", "{\"callsPerWeek\":2,\"override\":{\"reason\":\" \"}}");
    assertEquals(422, noReason.status());
    assertEquals(List.of("contactPolicy.override.reason"), noReason.body().get("details").findValuesAsText("field"));

    Reply created = upload(admin, "/api/v1/batches", override);
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String id = created.body().get("id").asText();
    JsonNode detail = api.get("/api/v1/batches/" + id, admin.accessToken()).body();
    assertEquals(2, detail.at("/contactPolicy/callsPerWeek").asInt());
    assertEquals("the debtor asked for a second call", detail.at("/contactPolicy/override/reason").asText());
    JsonNode audit = api.get("/api/v1/audit?action=batches.policy_override&objectId=" + id, admin.accessToken())
        .body();
    assertEquals(1, audit.get("total").asInt(), audit.toString());
    assertEquals("the debtor asked for a second call",
        audit.at("/items/0/changes/after/contactPolicy/override/reason").asText());

    Reply report = api.get("/api/v1/batches/" + id + "/report.xlsx", admin.accessToken());
    assertEquals(200, report.status());
    Map<String, String> summary = CallFixtures.reportSummary(report.raw().body());
    assertEquals("the debtor asked for a second call", summary.get("EXCEPCIÓN a la política (override)"),
        "the report shows the override: " + summary);
  }

  @Test
  void givenAStricterPolicy_itShouldBeStoredAndShown() {
    Reply created = upload(operator, "/api/v1/batches",
        "{\"callsPerDay\":1,\"windows\":[\"MON-FRI 09:00-18:00\"]}");
    assertEquals(201, created.status(), String.valueOf(created.body()));
    JsonNode detail = api.get("/api/v1/batches/" + created.body().get("id").asText(), operator.accessToken()).body();
    assertEquals("MON-FRI 09:00-18:00", detail.at("/contactPolicy/windows/0").asText());
    assertTrue(detail.at("/contactPolicy/override").isNull() || detail.at("/contactPolicy/override").isMissingNode());
  }

  @Test
  void givenADryRun_itShouldPreviewPersonsByDayWithTheirHistoryAndBlocksAndStoreNothing() {
    Session org = api.registerAndLogin("Cobranzas Preview");
    UUID orgId = api.organizationId(org);
    assertEquals(201, api.post("/api/v1/dnc", org.accessToken(), Map.of("phone", "+56933333333")).status());
    Instant called = Instant.now().minus(Duration.ofDays(1));
    String anaHash = PersonKey.of("12.345.678-5", Map.of()).orElseThrow().hash();
    DB.jdbi().useHandle(h -> {
      long person = h.createUpdate("insert into persons (org_id, key_kind, key_hash) values (:o, 'document', :k)")
          .bind("o", orgId).bind("k", anaHash).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      h.createUpdate("insert into person_contacts (org_id, person_id, channel, decision, rule_id, policy, outcome, at)"
          + " values (:o, :p, 'call', 'allow', 'cl.hours', 'CL@2026-12-07', 'no_answer', :at)")
          .bind("o", orgId).bind("p", person).bind("at", called).execute();
    });
    long ledger = ledgerRows(orgId);

    Reply dryRun = upload(org, "/api/v1/batches?dryRun=true", null);

    assertEquals(200, dryRun.status(), String.valueOf(dryRun.body()));
    JsonNode preview = dryRun.body().get("preview");
    assertEquals("CL@2026-12-07", preview.get("policy").asText());
    assertEquals(2, preview.get("persons").asInt());
    assertEquals(1, preview.get("reachable").asInt());
    assertEquals(1, preview.get("byDay").size());
    LocalDate first = LocalDate.parse(preview.at("/byDay/0/date").asText());
    assertTrue(!first.isBefore(LocalDate.ofInstant(called.plus(Duration.ofDays(7)), SANTIAGO)),
        "Ana was called yesterday: not before a week has passed, " + preview);
    assertEquals("dnc", preview.at("/blocked/0/ruleId").asText());
    assertEquals(1, preview.at("/blocked/0/persons").asInt());
    assertEquals(ledger, ledgerRows(orgId), "a dry run stores no decision");
    assertEquals(0, api.get("/api/v1/batches", org.accessToken()).body().get("total").asInt());
  }

  @Test
  void givenACampaign_itsEstimateShouldPreviewEachBatchAndWaveUnderTheBatchPolicy() {
    Session org = api.registerAndLogin("Cobranzas Campaña Chile");
    assertEquals(201, api.post("/api/v1/dnc", org.accessToken(), Map.of("phone", "+56933333333")).status());
    Reply batch = upload(org, "/api/v1/batches", "{\"windows\":[\"SAT 08:00-09:00\"]}");
    assertEquals(201, batch.status(), String.valueOf(batch.body()));
    String batchId = batch.body().get("id").asText();
    LocalDate today = LocalDate.now(SANTIAGO);
    Map<String, Object> campaign = new java.util.HashMap<>(Map.of("name", "Campaña", "startDate", today.toString(),
        "endDate", today.plusDays(30).toString(), "weekdays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT"),
        "windowStart", "08:00", "windowEnd", "20:00", "timeZone", "America/Santiago", "batchIds", List.of(batchId)));
    campaign.put("waves", List.of(Map.of("name", "Aviso", "channel", "sms", "body", "Hola {{name}}", "batchId",
        batchId, "perMinute", 60)));
    Reply created = api.post("/api/v1/campaigns", org.accessToken(), campaign);
    assertEquals(201, created.status(), String.valueOf(created.body()));

    Reply estimate = api.get("/api/v1/campaigns/" + created.body().get("id").asText() + "/estimate",
        org.accessToken());

    assertEquals(200, estimate.status(), String.valueOf(estimate.body()));
    for (JsonNode preview : List.of(estimate.body().at("/batches/0/preview"), estimate.body().at("/waves/0/preview"))) {
      assertEquals("CL@2026-12-07+batch", preview.get("policy").asText(), preview.toString());
      assertEquals(2, preview.get("persons").asInt());
      assertEquals(1, preview.get("reachable").asInt());
      assertEquals(java.time.DayOfWeek.SATURDAY, LocalDate.parse(preview.at("/byDay/0/date").asText())
          .getDayOfWeek(), "the batch's own windows open on Saturdays only: " + preview);
      assertEquals("dnc", preview.at("/blocked/0/ruleId").asText());
    }
  }

  private static long ledgerRows(UUID orgId) {
    return DB.jdbi().withHandle(h -> h.createQuery("select count(*) from person_contacts where org_id = :o")
        .bind("o", orgId).mapTo(Long.class).one());
  }
}
