package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An organisation's default limits for its CUSTOM batches: admin only, stricter only, audited, and applied. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CustomPolicyDefaultsApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final List<List<String>> SHEET = List.of(List.of("Nombre", "Teléfono"),
      List.of("Ana Pérez", "+573001112233"), List.of("Luis Soto", "+573004445566"));
  static ApiClient api;
  static Session admin;
  static Session operator;

  @BeforeAll
  static void setUp() {
    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Cobranzas propias");
    operator = api.operatorOf(admin);
  }

  @Test
  void givenAnAdminSettingStricterCustomDefaults_itShouldStoreAuditAndApplyThemToCustomBatchesWithoutTheirOwn() {
    Reply set = api.send("PATCH", "/api/v1/organization", admin.accessToken(),
        Map.of("customContactPolicy", Map.of("callsPerWeek", 3, "minHoursBetweenCalls", 24)));
    assertEquals(200, set.status(), String.valueOf(set.body()));
    assertEquals(3, set.body().at("/customContactPolicy/callsPerWeek").asInt());
    assertEquals(3, api.get("/api/v1/organization", operator.accessToken()).body()
        .at("/customContactPolicy/callsPerWeek").asInt(), "every member reads them");

    JsonNode trail = api.get("/api/v1/audit?objectType=organization", admin.accessToken()).body();
    assertTrue(trail.get("total").asInt() >= 1, trail.toString());
    assertTrue(trail.at("/items/0/changes").toString().contains("callsPerWeek"), trail.toString());

    JsonNode custom = dryRun(null).get("preview");
    assertEquals("CUSTOM@2026-12-07+org", custom.get("policy").asText(), custom.toString());
    JsonNode own = dryRun("{\"callsPerWeek\":2}").get("preview");
    assertEquals("CUSTOM@2026-12-07+batch", own.get("policy").asText(), "the batch's own settings come first");

    Reply cleared = api.send("PATCH", "/api/v1/organization", admin.accessToken(),
        Map.of("customContactPolicy", Map.of()));
    assertEquals(200, cleared.status(), String.valueOf(cleared.body()));
    assertTrue(cleared.body().get("customContactPolicy").isNull());
    assertEquals("CUSTOM@2026-12-07", dryRun(null).at("/preview/policy").asText());
  }

  @Test
  void givenDefaultsLooserThanRegulationF_itShouldRefuseNamingTheField() {
    Reply refused = api.send("PATCH", "/api/v1/organization", admin.accessToken(),
        Map.of("customContactPolicy", Map.of("callsPerWeek", 9)));

    assertEquals(422, refused.status(), String.valueOf(refused.body()));
    assertEquals("invalid_settings", refused.code());
    assertEquals("customContactPolicy.callsPerWeek", refused.body().at("/details/0/field").asText());
    assertEquals("looser_than_policy", refused.body().at("/details/0/code").asText());
  }

  @Test
  void givenAnOperator_whenSettingTheDefaults_itShouldBeForbidden() {
    Reply forbidden = api.send("PATCH", "/api/v1/organization", operator.accessToken(),
        Map.of("customContactPolicy", Map.of("callsPerWeek", 1)));

    assertEquals(403, forbidden.status());
  }

  private static JsonNode dryRun(String contactPolicy) {
    String settings = "{\"name\":\"Propia\",\"callsPerSecond\":0.01,\"maxConcurrentCalls\":1,\"maxAttempts\":1,"
        + "\"jurisdiction\":\"CUSTOM\",\"customWindows\":[\"MON-SUN 08:00-20:00\"],\"defaultRegion\":\"CO\","
        + "\"answerTimeoutSeconds\":10" + (contactPolicy == null ? "" : ",\"contactPolicy\":" + contactPolicy) + "}";
    Reply reply = api.uploadSheet("/api/v1/batches?dryRun=true", admin, SHEET, settings);
    assertEquals(200, reply.status(), String.valueOf(reply.body()));
    return reply.body();
  }
}
