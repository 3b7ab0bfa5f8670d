package dev.vocero.workers.api;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.alerts.AlertDao;
import dev.vocero.store.alerts.NewAlert;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class AlertApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = started();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget, SPEECH::baseUrl);
  static ApiClient api;
  static Session admin;
  static Session operator;
  static Session viewer;
  static Session stranger;

  static WireMockServer started() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    return server;
  }

  @BeforeAll
  static void login() {
    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Cobranzas Andinas");
    operator = invite(admin, "operator");
    viewer = invite(admin, "viewer");
    stranger = api.registerAndLogin("Otra empresa");
  }

  @AfterAll
  static void stop() {
    SPEECH.stop();
  }

  static Session invite(Session admin, String role) {
    String email = role + "-" + UUID.randomUUID() + "@example.com";
    Reply created = api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "User " + role, "role", role));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return api.login(email, "long enough pw");
  }

  static Map<String, Object> keywordRule(String pattern) {
    Map<String, Object> rule = new HashMap<>(Map.of("name", "Amenaza legal", "kind", "keyword", "pattern", pattern,
        "severity", "high"));
    return rule;
  }

  @Test
  void givenAnOperator_itShouldCreateReadUpdateAndDeleteRules_andAViewerOnlyRead() {
    Map<String, Object> body = keywordRule("abogado");
    body.put("speaker", "customer");
    body.put("lastMinutes", 5);
    Reply created = api.post("/api/v1/alert-rules", operator.accessToken(), body);
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String id = created.body().get("id").asText();
    assertEquals("/api/v1/alert-rules/" + id, java.net.URI.create(created.header("Location")).getPath());
    assertEquals("customer", created.body().get("speaker").asText());
    assertEquals(5, created.body().get("lastMinutes").asInt());
    assertFalse(created.body().get("inQuestion").asBoolean());
    assertTrue(created.body().get("enabled").asBoolean());

    assertEquals(403, api.post("/api/v1/alert-rules", viewer.accessToken(), keywordRule("x")).status());
    assertEquals(200, api.get("/api/v1/alert-rules/" + id, viewer.accessToken()).status());
    assertTrue(api.get("/api/v1/alert-rules", viewer.accessToken()).body().toString().contains(id));

    Map<String, Object> update = keywordRule("demanda");
    update.put("severity", "critical");
    update.put("enabled", false);
    Reply updated = api.send("PUT", "/api/v1/alert-rules/" + id, operator.accessToken(), update);
    assertEquals(200, updated.status(), String.valueOf(updated.body()));
    assertEquals("demanda", updated.body().get("pattern").asText());
    assertEquals("any", updated.body().get("speaker").asText());
    assertFalse(updated.body().get("enabled").asBoolean());

    assertEquals(403, api.send("DELETE", "/api/v1/alert-rules/" + id, viewer.accessToken(), null).status());
    assertEquals(204, api.send("DELETE", "/api/v1/alert-rules/" + id, operator.accessToken(), null).status());
    assertEquals(404, api.get("/api/v1/alert-rules/" + id, operator.accessToken()).status());
  }

  @Test
  void givenInvalidRules_itShouldAnswer422WithACodeAndStoreNothing() {
    Session fresh = api.registerAndLogin("Reglas inválidas");
    Map<String, Object> lookBehind = new HashMap<>(Map.of("name", "r", "kind", "regex", "pattern", "(?<!no )pagar",
        "severity", "low"));
    Reply regex = api.post("/api/v1/alert-rules", fresh.accessToken(), lookBehind);
    assertEquals(422, regex.status());
    assertEquals("invalid_pattern", regex.code());
    assertTrue(regex.body().get("message").asText().contains("look-behind"), regex.body().toString());

    lookBehind.put("pattern", "((a{1000}){1000}){1000}");
    assertEquals("invalid_pattern", api.post("/api/v1/alert-rules", fresh.accessToken(), lookBehind).code());
    lookBehind.put("pattern", "a".repeat(501));
    assertEquals(422, api.post("/api/v1/alert-rules", fresh.accessToken(), lookBehind).status());

    Map<String, Object> sentiment = new HashMap<>(Map.of("name", "Cliente molesto", "kind", "sentiment", "severity", "medium"));
    assertEquals("threshold_required", api.post("/api/v1/alert-rules", fresh.accessToken(), sentiment).code());
    sentiment.put("threshold", 1.5);
    assertEquals(422, api.post("/api/v1/alert-rules", fresh.accessToken(), sentiment).status());
    sentiment.put("threshold", -0.4);
    sentiment.put("inQuestion", true);
    assertEquals("scope_not_supported", api.post("/api/v1/alert-rules", fresh.accessToken(), sentiment).code());
    sentiment.remove("inQuestion");
    assertEquals(201, api.post("/api/v1/alert-rules", fresh.accessToken(), sentiment).status());

    assertEquals("pattern_required", api.post("/api/v1/alert-rules", fresh.accessToken(),
        Map.of("name", "k", "kind", "keyword", "severity", "low")).code());
    assertEquals(422, api.post("/api/v1/alert-rules", fresh.accessToken(),
        Map.of("name", "k", "kind", "keyword", "pattern", "x", "severity", "urgent")).status());
    assertEquals(422, api.post("/api/v1/alert-rules", fresh.accessToken(),
        Map.of("name", "k", "kind", "fuzzy", "pattern", "x", "severity", "low")).status());
    assertEquals(1, api.get("/api/v1/alert-rules", fresh.accessToken()).body().size());
  }

  @Test
  void givenAnotherOrganization_itShouldSeeNoneOfTheRulesWebhooksOrAlerts() {
    String rule = api.post("/api/v1/alert-rules", operator.accessToken(), keywordRule("fraude")).body().get("id").asText();
    String webhook = api.post("/api/v1/webhooks", operator.accessToken(), Map.of("url", "https://hooks.example.com/a"))
        .body().get("id").asText();
    UUID alert = raiseAlert(admin, "high");

    assertEquals(404, api.get("/api/v1/alert-rules/" + rule, stranger.accessToken()).status());
    assertEquals("not_found", api.send("PUT", "/api/v1/alert-rules/" + rule, stranger.accessToken(), keywordRule("x")).code());
    assertEquals(404, api.send("DELETE", "/api/v1/alert-rules/" + rule, stranger.accessToken(), null).status());
    assertEquals(404, api.get("/api/v1/webhooks/" + webhook, stranger.accessToken()).status());
    assertEquals(404, api.get("/api/v1/webhooks/" + webhook + "/deliveries", stranger.accessToken()).status());
    assertEquals(404, api.send("DELETE", "/api/v1/webhooks/" + webhook, stranger.accessToken(), null).status());
    assertEquals(404, api.get("/api/v1/alerts/" + alert, stranger.accessToken()).status());
    assertEquals(404, api.post("/api/v1/alerts/" + alert + "/resolve", stranger.accessToken(), Map.of("note", "x")).status());
    assertEquals(0, api.get("/api/v1/alerts", stranger.accessToken()).body().get("total").asLong());
    assertEquals(0, api.get("/api/v1/alert-rules", stranger.accessToken()).body().size());
    assertEquals(0, api.get("/api/v1/webhooks", stranger.accessToken()).body().size());
  }

  @Test
  void givenAWebhook_itShouldShowTheSecretOnlyOnCreate() {
    Reply created = api.post("/api/v1/webhooks", operator.accessToken(),
        Map.of("url", "https://hooks.example.com/vocero", "description", "CRM"));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String id = created.body().get("id").asText();
    assertTrue(created.body().get("secret").asText().startsWith("whsec_"));
    assertEquals(List.of("alert.raised"), List.of(created.body().get("eventTypes").get(0).asText()));

    JsonNode listed = api.get("/api/v1/webhooks", viewer.accessToken()).body();
    assertTrue(listed.toString().contains(id));
    assertFalse(listed.toString().contains("whsec_"), "never listed with its secret");
    assertNull(api.get("/api/v1/webhooks/" + id, viewer.accessToken()).body().get("secret"));

    Reply disabled = api.send("PUT", "/api/v1/webhooks/" + id, operator.accessToken(),
        Map.of("url", "https://hooks.example.com/v2", "enabled", false));
    assertEquals(200, disabled.status());
    assertFalse(disabled.body().get("enabled").asBoolean());
    assertEquals(0, api.get("/api/v1/webhooks/" + id + "/deliveries", viewer.accessToken()).body().get("total").asLong());

    assertEquals(403, api.post("/api/v1/webhooks", viewer.accessToken(), Map.of("url", "https://x.example.com")).status());
    assertEquals("invalid_url", api.post("/api/v1/webhooks", operator.accessToken(), Map.of("url", "ftp://x.example.com")).code());
    assertEquals("invalid_url", api.post("/api/v1/webhooks", operator.accessToken(), Map.of("url", "not a url")).code());
    assertEquals("invalid_url", api.post("/api/v1/webhooks", operator.accessToken(),
        Map.of("url", "https://user:pw@x.example.com/")).code());
    assertEquals("unknown_event_type", api.post("/api/v1/webhooks", operator.accessToken(),
        Map.of("url", "https://x.example.com", "eventTypes", List.of("call.ended"))).code());
    assertEquals(204, api.send("DELETE", "/api/v1/webhooks/" + id, operator.accessToken(), null).status());
  }

  @Test
  void givenAlerts_itShouldFilterThemAndLetAnOperatorAssignAndResolve() {
    Session org = api.registerAndLogin("Filtros");
    Session colleague = invite(org, "operator");
    Session watcher = invite(org, "viewer");
    UUID high = raiseAlert(org, "high");
    raiseAlert(org, "low");

    assertEquals(2, api.get("/api/v1/alerts", watcher.accessToken()).body().get("total").asLong());
    JsonNode onlyHigh = api.get("/api/v1/alerts?severity=high", watcher.accessToken()).body();
    assertEquals(1, onlyHigh.get("total").asLong());
    assertEquals(high.toString(), onlyHigh.get("items").get(0).get("id").asText());
    assertEquals("open", onlyHigh.get("items").get(0).get("status").asText());
    assertEquals("invalid_filter", api.get("/api/v1/alerts?status=closed", watcher.accessToken()).code());
    assertEquals("invalid_filter", api.get("/api/v1/alerts?audioId=nope", watcher.accessToken()).code());
    assertEquals("invalid_paging", api.get("/api/v1/alerts?pageSize=500", watcher.accessToken()).code());

    String colleagueId = api.get("/api/v1/auth/me", colleague.accessToken()).body().at("/user/id").asText();
    String strangerId = api.get("/api/v1/auth/me", stranger.accessToken()).body().at("/user/id").asText();
    assertEquals(403, api.post("/api/v1/alerts/" + high + "/assign", watcher.accessToken(), Map.of("userId", colleagueId)).status());
    assertEquals("unknown_user", api.post("/api/v1/alerts/" + high + "/assign", org.accessToken(),
        Map.of("userId", strangerId)).code());
    Reply assigned = api.post("/api/v1/alerts/" + high + "/assign", org.accessToken(), Map.of("userId", colleagueId));
    assertEquals(200, assigned.status(), String.valueOf(assigned.body()));
    assertEquals("assigned", assigned.body().get("status").asText());
    assertEquals(colleagueId, assigned.body().get("assigneeId").asText());
    assertEquals(1, api.get("/api/v1/alerts?status=assigned", watcher.accessToken()).body().get("total").asLong());

    Reply resolved = api.post("/api/v1/alerts/" + high + "/resolve", colleague.accessToken(),
        Map.of("note", "Llamamos al cliente y aclaramos el plazo."));
    assertEquals(200, resolved.status());
    assertEquals("resolved", resolved.body().get("status").asText());
    assertEquals(colleagueId, resolved.body().get("resolvedBy").asText());
    assertEquals("Llamamos al cliente y aclaramos el plazo.", resolved.body().get("note").asText());
    assertFalse(resolved.body().get("resolvedAt").isNull());
    assertEquals("alert_resolved", api.post("/api/v1/alerts/" + high + "/resolve", org.accessToken(), Map.of()).code());
    assertEquals("alert_resolved", api.post("/api/v1/alerts/" + high + "/assign", org.accessToken(),
        Map.of("userId", colleagueId)).code());
    assertEquals(404, api.post("/api/v1/alerts/" + UUID.randomUUID() + "/resolve", org.accessToken(), Map.of()).status());
  }

  /** An alert as the worker raises it: an audio of the caller's organization and a rule that fired on it. */
  private static UUID raiseAlert(Session session, String severity) {
    UUID org = UUID.fromString(api.get("/api/v1/auth/me", session.accessToken()).body().at("/user/organizationId").asText());
    String ruleId = api.post("/api/v1/alert-rules", session.accessToken(),
        Map.of("name", "r " + severity, "kind", "keyword", "pattern", "abogado " + UUID.randomUUID(), "severity", severity))
        .body().get("id").asText();
    Jdbi jdbi = DB.jdbi();
    UUID audio = UUID.randomUUID();
    String sha = (audio.toString().replace("-", "") + audio.toString().replace("-", "")).substring(0, 64);
    jdbi.onDemand(AudioDao.class).insert(AudioRow.queued(audio, org, "t", "a.wav", "audio/vnd.wave", 10, sha,
        "sha256/" + sha, "es", null));
    UUID alert = UUID.randomUUID();
    jdbi.onDemand(AlertDao.class).insertIfAbsent(org, audio,
        new NewAlert(alert, UUID.fromString(ruleId), 0, 1000, "hablo con mi abogado", severity));
    return alert;
  }
}
