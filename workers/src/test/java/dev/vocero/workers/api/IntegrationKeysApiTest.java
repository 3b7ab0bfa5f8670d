package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A CRM integrated with an API key and no password: idempotent uploads, a campaign paused by the key, and the audit
 * trail naming the key; plus the refusals (revoked, expired, viewer, another organization, a reused key).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IntegrationKeysApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static ApiClient api;
  static Session admin;

  @BeforeAll
  static void setUp() {
    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Cobranzas CRM");
  }

  @Test
  void givenACrmWithAnApiKey_whenItPostsAListTwiceAndPausesItsCampaign_itShouldGetOneBatchAndBeTheAuditedActor()
      throws Exception {
    JsonNode key = createKey(admin, "CRM", "operator", null);
    String secret = key.get("key").asText();
    assertTrue(secret.startsWith("vk_") && secret.length() == 46, secret);
    assertEquals(secret.substring(0, 11), key.get("prefix").asText());
    String keyId = key.get("id").asText();

    byte[] list = CallFixtures.workbook(CampaignApiTest.SHEET);
    Map<String, String> idem = Map.of("Idempotency-Key", "crm-list-" + UUID.randomUUID());
    Reply first = api.upload("/api/v1/batches", secret, "file", "deudores.xlsx", list,
        Map.of("settings", CampaignApiTest.SETTINGS), idem);
    assertEquals(201, first.status(), String.valueOf(first.body()));
    Reply second = api.upload("/api/v1/batches", secret, "file", "deudores.xlsx", list,
        Map.of("settings", CampaignApiTest.SETTINGS), idem);
    assertEquals(201, second.status(), "the first answer's status");
    assertEquals(first.body(), second.body(), "the first answer's body");
    assertEquals("true", second.header("Idempotent-Replayed"));
    assertEquals(1, api.get("/api/v1/batches", secret).body().get("total").asInt(), "one batch, not two");
    String batchId = first.body().get("id").asText();

    Reply otherList = api.upload("/api/v1/batches", secret, "file", "otros.xlsx",
        CallFixtures.workbook(List.of(List.of("Nombre", "Teléfono"), List.of("Eva", "300 123 4569"))),
        Map.of("settings", CampaignApiTest.SETTINGS), idem);
    assertEquals(422, otherList.status());
    assertEquals("idempotency_key_reused", otherList.code());

    String campaign = api.post("/api/v1/campaigns", secret, CampaignApiTest.campaign(List.of(batchId)))
        .body().get("id").asText();
    String path = "/api/v1/campaigns/" + campaign;
    assertEquals(200, api.post(path + "/schedule", secret, null).status());
    await(path, secret, c -> "running".equals(c.at("/progress/state").asText()));
    Reply paused = api.post(path + "/pause", secret, null);
    assertEquals(200, paused.status(), String.valueOf(paused.body()));

    JsonNode trail = api.get("/api/v1/audit?actor=" + keyId, admin.accessToken()).body();
    List<JsonNode> entries = StreamSupport.stream(trail.get("items").spliterator(), false).toList();
    assertTrue(entries.stream().allMatch(e -> "api_key".equals(e.get("actorType").asText())
        && e.get("actorLabel").asText().equals("CRM (" + key.get("prefix").asText() + "…)")), trail.toString());
    assertEquals(1, entries.stream().filter(e -> "batches.create".equals(e.get("action").asText())).count(),
        "the replayed upload is not a second change: " + trail);
    JsonNode pause = entries.stream().filter(e -> "campaigns.pause".equals(e.get("action").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no campaigns.pause in " + trail));
    assertEquals(campaign, pause.get("objectId").asText());
    assertTrue(List.of("scheduled", "running").contains(pause.at("/changes/before/state").asText()), pause.toString());
    assertEquals("paused", pause.at("/changes/after/state").asText(), pause.toString());
    assertFalse(pause.get("clientIp").asText().isEmpty());

    Reply csv = api.sendRaw("GET", "/api/v1/audit?format=csv&action=campaigns.pause", admin.accessToken(), null, null,
        Map.of());
    String text = new String(csv.raw().body(), StandardCharsets.UTF_8);
    assertEquals(200, csv.status());
    assertTrue(text.startsWith("id,at,actor_type") && text.contains("campaigns.pause") && text.contains(keyId), text);
    Reply accepted = api.sendRaw("GET", "/api/v1/audit?action=campaigns.pause", admin.accessToken(), null, null,
        Map.of("Accept", "text/csv"));
    assertTrue(accepted.header("Content-Type").startsWith("text/csv"));

    JsonNode listed = api.get("/api/v1/api-keys", admin.accessToken()).body().get("items").get(0);
    assertFalse(listed.has("key"), "the secret is shown once");
    assertFalse(listed.get("lastUsedAt").isNull(), "every use updates last used");
    String everything = api.get("/api/v1/audit?pageSize=100", admin.accessToken()).body().toString()
        + DB.jdbi().withHandle(h -> h.createQuery("select string_agg(coalesce(changes::text, ''), ' ') from audit_log")
            .mapTo(String.class).one());
    assertFalse(everything.contains(secret.substring(3)), "no secret in the trail");
    assertFalse(everything.contains("+573001234560"), "no full phone number in the trail");
  }

  @Test
  void givenTheDocument_itShouldOfferIdempotencyKeyOnSignedInPostsAndDescribeTheNewEndpoints() {
    JsonNode paths = api.get("/openapi.json", null).body().get("paths");
    Predicate<JsonNode> hasHeader = op -> StreamSupport.stream(op.path("parameters").spliterator(), false)
        .anyMatch(p -> "header".equals(p.path("in").asText()) && "Idempotency-Key".equals(p.path("name").asText()));
    assertTrue(hasHeader.test(paths.at("/~1api~1v1~1batches/post")), "the contact-list upload");
    assertTrue(hasHeader.test(paths.at("/~1api~1v1~1campaigns~1{id}~1pause/post")), "a workflow control");
    assertFalse(hasHeader.test(paths.at("/~1api~1v1~1auth~1login/post")), "not on sign-in");
    assertTrue(paths.has("/api/v1/api-keys") && paths.has("/api/v1/api-keys/{id}") && paths.has("/api/v1/audit"));
    assertTrue(paths.at("/~1api~1v1~1audit/get/responses/200/content").has("text/csv"));
  }

  @Test
  void givenConcurrentDuplicates_whenBothRun_theSecondShouldWaitForTheFirstAndGetItsAnswer() throws Exception {
    Session owner = api.registerAndLogin("Cobranzas Concurrentes");
    String secret = createKey(owner, "CRM", "operator", null).get("key").asText();
    byte[] list = CallFixtures.workbook(CampaignApiTest.SHEET);
    Map<String, String> idem = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    List<CompletableFuture<Reply>> sends = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sends.add(CompletableFuture.supplyAsync(() -> likeAClient(() -> api.upload("/api/v1/batches", secret, "file",
          "lista.xlsx", list, Map.of("settings", CampaignApiTest.SETTINGS), idem))));
    }
    List<Reply> replies = sends.stream().map(CompletableFuture::join).toList();
    replies.forEach(r -> assertEquals(201, r.status(), String.valueOf(r.body())));
    assertEquals(1, replies.stream().map(r -> r.body().get("id").asText()).distinct().count());
    assertEquals(1, api.get("/api/v1/batches", secret).body().get("total").asInt());
  }

  @Test
  void givenKeysThatMayNot_whenUsed_theyShouldBeRefused() throws Exception {
    Session owner = api.registerAndLogin("Cobranzas Llaves");
    Session stranger = api.registerAndLogin("Otra Empresa");

    String viewer = createKey(owner, "Tablero", "viewer", null).get("key").asText();
    assertEquals(200, api.get("/api/v1/batches", viewer).status());
    assertEquals(403, api.post("/api/v1/dnc", viewer, Map.of("phone", "+573001234567")).status());

    String adminKey = createKey(owner, "Automatización", "admin", null).get("key").asText();
    assertEquals(403, api.post("/api/v1/api-keys", adminKey, Map.of("name", "x", "role", "admin")).status(),
        "only a person issues keys");
    assertEquals(200, api.get("/api/v1/api-keys", adminKey).status());

    JsonNode revoked = createKey(owner, "Antigua", "operator", null);
    String revokedSecret = revoked.get("key").asText();
    assertEquals(200, api.get("/api/v1/batches", revokedSecret).status());
    assertEquals(404, api.send("DELETE", "/api/v1/api-keys/" + revoked.get("id").asText(), stranger.accessToken(), null)
        .status(), "another organization cannot revoke it");
    assertEquals(204, api.send("DELETE", "/api/v1/api-keys/" + revoked.get("id").asText(), owner.accessToken(), null)
        .status());
    Reply afterRevocation = api.get("/api/v1/batches", revokedSecret);
    assertEquals(401, afterRevocation.status());
    assertEquals("unauthorized", afterRevocation.code());

    String expiring = createKey(owner, "Temporal", "operator", Instant.now().plusSeconds(2)).get("key").asText();
    assertEquals(200, api.get("/api/v1/batches", expiring).status());
    Thread.sleep(2_500);
    assertEquals(401, api.get("/api/v1/batches", expiring).status(), "an expired key");
    assertEquals(401, api.get("/api/v1/batches", "vk_" + "A".repeat(43)).status(), "a made-up key");

    String strangerKey = createKey(stranger, "Suya", "admin", null).get("key").asText();
    String batch = uploadBatch(createKey(owner, "Carga", "operator", null).get("key").asText());
    assertEquals(404, api.get("/api/v1/batches/" + batch, strangerKey).status(), "another organization sees nothing");
    assertEquals(0, api.get("/api/v1/batches", strangerKey).body().get("total").asInt());
    assertEquals(0, api.get("/api/v1/audit?objectType=batches", strangerKey).body().get("total").asInt());
    assertEquals(403, api.get("/api/v1/audit", viewer).status());

    Map<String, String> idem = Map.of("Idempotency-Key", "dnc-" + UUID.randomUUID());
    Reply added = api.send("POST", "/api/v1/dnc", owner.accessToken(), Map.of("phone", "+573001234567"), idem);
    Reply replayed = api.send("POST", "/api/v1/dnc", owner.accessToken(), Map.of("phone", "+573001234567"), idem);
    assertEquals(201, added.status());
    assertEquals(201, replayed.status(), "the first status, not the 200 of a number already listed");
    Reply reused = api.send("POST", "/api/v1/dnc", owner.accessToken(), Map.of("phone", "+573001234568"), idem);
    assertEquals(422, reused.status());
    assertEquals("idempotency_key_reused", reused.code());
    Reply badKey = api.send("POST", "/api/v1/dnc", owner.accessToken(), Map.of("phone", "+573001234568"),
        Map.of("Idempotency-Key", "k".repeat(201)));
    assertEquals(422, badKey.status());
    assertEquals("invalid_idempotency_key", badKey.code());
  }

  @Test
  void givenAChangedSetting_theTrailShouldShowBeforeAndAfter_andTheDatabaseShouldRefuseToRewriteIt() {
    Session owner = api.registerAndLogin("Cobranzas Auditoría");
    Reply rule = api.post("/api/v1/alert-rules", owner.accessToken(),
        Map.of("name", "Promesa de pago", "kind", "keyword", "pattern", "pago", "severity", "low"));
    assertEquals(201, rule.status(), String.valueOf(rule.body()));
    String ruleId = rule.body().get("id").asText();
    assertEquals(200, api.send("PUT", "/api/v1/alert-rules/" + ruleId, owner.accessToken(),
        Map.of("name", "Promesa de pago", "kind", "keyword", "pattern", "pago", "severity", "high")).status());

    JsonNode changes = api.get("/api/v1/audit?objectType=alert-rules&objectId=" + ruleId, owner.accessToken()).body();
    assertEquals(2, changes.get("total").asInt(), changes.toString());
    assertEquals("alert-rules.update", changes.at("/items/0/action").asText());
    assertEquals("low", changes.at("/items/0/changes/before/severity").asText(), changes.toString());
    assertEquals("high", changes.at("/items/0/changes/after/severity").asText());
    assertFalse(changes.at("/items/0/changes/after").has("name"), "only the changed fields");
    assertEquals("alert-rules.create", changes.at("/items/1/action").asText());
    assertTrue(changes.at("/items/1/changes/before").isNull());
    assertEquals("pago", changes.at("/items/1/changes/after/pattern").asText());

    JsonNode logins = api.get("/api/v1/audit?action=auth.login", owner.accessToken()).body();
    assertEquals(1, logins.get("total").asInt(), logins.toString());
    assertEquals("user", logins.at("/items/0/actorType").asText());
    assertEquals(owner.email(), logins.at("/items/0/actorLabel").asText());
    assertEquals(401, api.post("/api/v1/auth/login", null, Map.of("email", owner.email(), "password", "wrong password!"))
        .status());
    assertEquals(1, api.get("/api/v1/audit?action=auth.login_failed", owner.accessToken()).body().get("total").asInt());

    assertThrows(Exception.class, () -> DB.jdbi().useHandle(h -> h.execute("update audit_log set action = 'x'")));
    assertThrows(Exception.class, () -> DB.jdbi().useHandle(h -> h.execute("delete from audit_log")));
  }

  /**
   * Sends as a well-behaved client does: a duplicate still waiting after 10 s (409 idempotency_in_progress) or a first
   * request refused for a moment (503, which releases the key) is sent again after Retry-After.
   */
  private static Reply likeAClient(java.util.function.Supplier<Reply> send) {
    Reply reply = send.get();
    for (int attempt = 0; attempt < 10 && (reply.status() == 503
        || reply.status() == 409 && "idempotency_in_progress".equals(reply.code())); attempt++) {
      try {
        String wait = reply.header("Retry-After");
        Thread.sleep(1000L * (wait == null ? 1 : Long.parseLong(wait)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      reply = send.get();
    }
    return reply;
  }

  private static JsonNode createKey(Session by, String name, String role, Instant expiresAt) {
    Map<String, Object> body = new HashMap<>(Map.of("name", name, "role", role));
    if (expiresAt != null) {
      body.put("expiresAt", expiresAt.toString());
    }
    Reply created = api.post("/api/v1/api-keys", by.accessToken(), body);
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return created.body();
  }

  private static String uploadBatch(String secret) throws Exception {
    Reply created = api.upload("/api/v1/batches", secret, "file", "lista.xlsx",
        CallFixtures.workbook(CampaignApiTest.SHEET), Map.of("settings", CampaignApiTest.SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return created.body().get("id").asText();
  }

  private static JsonNode await(String path, String token, Predicate<JsonNode> condition) throws InterruptedException {
    JsonNode last = null;
    for (int i = 0; i < 150; i++) {
      last = api.get(path, token).body();
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("condition not met: " + last);
  }
}
