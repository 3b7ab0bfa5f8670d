package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Credits through real HTTP, PostgreSQL and Temporal: the account endpoints, the estimate, and a batch cut short. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CreditsApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final String SETTINGS = """
      {"name":"Cobranza corta","callsPerSecond":20,"maxConcurrentCalls":1,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static final List<List<String>> SHEET = List.of(
      List.of("Nombre", "Teléfono", "Monto"),
      List.of("Ana Pérez", "300 123 4560", "150.000"),
      List.of("Luis Gómez", "300 123 4561", "80.000"),
      List.of("Marta Ruiz", "300 123 4562", "45.500"),
      List.of("Jorge Díaz", "300 123 4563", "12.000"),
      List.of("Pedro Gil", "300 123 4564", "10.000"),
      List.of("Rosa Paz", "300 123 4565", "10.000"));

  final ApiClient api = new ApiClient(APP.getLocalPort());

  @Test
  void givenAnAdmin_whenToppingUp_itShouldValidateBeIdempotentAndKeepOrganizationsApart() {
    Session admin = api.registerAndLogin("Cobranzas");
    Session other = api.registerAndLogin("Otra");
    Session operator = createUser(admin, "operator");

    JsonNode empty = api.get("/api/v1/accounts/balance", admin.accessToken()).body();
    assertEquals(0, empty.get("balance").asLong());
    assertFalse(empty.get("enforced").asBoolean(), "existing organizations are not limited");
    assertEquals(2, empty.at("/prices/reserveMinutes").asInt());

    Session platform = api.platformOperator();
    String org = api.organizationId(admin).toString();
    assertEquals("invalid_request", topup(platform, org, Map.of("amount", 0, "note", "x"), null).code());
    assertEquals(422, topup(platform, org, Map.of("amount", 10), null).status(), "a note is required");
    assertEquals(422, topup(platform, org, Map.of("amount", -5, "note", "x"), null).status());
    for (Session notPlatform : List.of(admin, operator)) { // an admin used to give its own organization credit
      Reply forbidden = api.send("POST", "/api/v1/accounts/topup", notPlatform.accessToken(),
          Map.of("amount", 10, "note", "x"));
      assertEquals(403, forbidden.status());
      assertEquals("platform_operator_only", forbidden.code());
      assertEquals(403, topup(notPlatform, org, Map.of("amount", 10, "note", "x"), null).status());
    }

    Reply first = topup(platform, org, Map.of("amount", 100, "note", "paquete noviembre"), "pedido-17");
    assertEquals(201, first.status(), String.valueOf(first.body()));
    Reply retry = topup(platform, org, Map.of("amount", 100, "note", "paquete noviembre"), "pedido-17");
    assertEquals(200, retry.status());
    assertTrue(retry.body().get("duplicate").asBoolean());
    assertEquals(first.body().at("/entry/id").asLong(), retry.body().at("/entry/id").asLong());
    assertEquals(201, topup(platform, org, Map.of("amount", 5, "note", "sin clave"), null).status());
    assertEquals(404, topup(platform, java.util.UUID.randomUUID().toString(), Map.of("amount", 5, "note", "x"), null)
        .status());

    assertEquals(105, api.get("/api/v1/accounts/balance", operator.accessToken()).body().get("balance").asLong());
    assertEquals(0, api.get("/api/v1/accounts/balance", other.accessToken()).body().get("balance").asLong());
    JsonNode page = api.get("/api/v1/accounts/transactions?pageSize=1", admin.accessToken()).body();
    assertEquals(2, page.get("total").asInt());
    assertEquals(1, page.get("items").size());
    assertEquals("topup", page.at("/items/0/kind").asText());
    assertEquals(5, page.at("/items/0/amount").asLong(), "newest first");
    assertEquals(0, api.get("/api/v1/accounts/transactions", other.accessToken()).body().get("total").asInt());
    assertEquals("invalid_paging", api.get("/api/v1/accounts/transactions?pageSize=0", admin.accessToken()).code());

    assertEquals(403, api.send("PUT", "/api/v1/accounts/enforcement", operator.accessToken(), Map.of("enforced", true)).status());
    assertEquals("platform_operator_only",
        api.send("PUT", "/api/v1/accounts/enforcement", admin.accessToken(), Map.of("enforced", true)).code());
    Reply enforced = api.enforceCredits(admin, true);
    assertTrue(enforced.body().get("enforced").asBoolean());
    assertFalse(api.get("/api/v1/accounts/balance", other.accessToken()).body().get("enforced").asBoolean());
    assertEquals(401, api.get("/api/v1/accounts/balance", null).status());
  }

  /** 2 credits are held per call (1 per started minute): 3 credits cannot cover six calls, so the batch pauses. */
  @Test
  void givenTooLittleCredit_whenABatchRuns_itShouldDialWhatItCanAffordThenPauseWithTheReason() throws IOException {
    Session admin = api.registerAndLogin("Cobranzas Cortas");
    Session stranger = api.registerAndLogin("Ajena");
    api.enforceCredits(admin, true);
    assertEquals(201, api.topup(admin, 3, "prueba").status());

    Reply created = api.upload("/api/v1/batches", admin.accessToken(), "file", "deudores.xlsx", CallFixtures.workbook(SHEET),
        Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String batchId = created.body().get("id").asText();

    JsonNode estimate = api.get("/api/v1/batches/" + batchId + "/estimate", admin.accessToken()).body();
    assertEquals(6, estimate.get("contacts").asLong());
    assertEquals(6 * 1 * 2 * 1, estimate.get("credits").asLong(), "contacts × attempts × reserved minutes × price");
    assertEquals(404, api.get("/api/v1/batches/" + batchId + "/estimate", stranger.accessToken()).status());

    awaitStatus(admin, batchId, "paused");
    Jdbi jdbi = DB.jdbi();
    String reason = jdbi.withHandle(h -> h.createQuery("select pause_reason from call_batches where id = :id")
        .bind("id", UUID.fromString(batchId)).mapTo(String.class).one());
    assertTrue(reason.startsWith("no credit"), reason);
    long noCredit = jdbi.withHandle(h -> h.createQuery(
            "select count(*) from call_decisions where batch_id = :id and decision = 'no_credit'")
        .bind("id", UUID.fromString(batchId)).mapTo(Long.class).one());
    assertEquals(1, noCredit);
    long placed = jdbi.withHandle(h -> h.createQuery(
            "select count(*) from call_attempts where batch_id = :id and provider_call_id is not null")
        .bind("id", UUID.fromString(batchId)).mapTo(Long.class).one());
    assertTrue(placed >= 1 && placed < 6, "dialed only what 3 credits hold: " + placed);

    awaitNoCreditHeld(admin);
    JsonNode balance = api.get("/api/v1/accounts/balance", admin.accessToken()).body();
    JsonNode ledger = api.get("/api/v1/accounts/transactions?pageSize=100", admin.accessToken()).body().get("items");
    long reserves = 0;
    long settles = 0;
    long charged = 0;
    for (JsonNode entry : ledger) {
      switch (entry.get("kind").asText()) {
        case "reserve" -> reserves++;
        case "settle" -> {
          settles++;
          charged += entry.get("amount").asLong();
        }
        default -> { }
      }
    }
    assertEquals(placed, reserves, "one hold per dialed attempt");
    assertEquals(reserves, settles, "every hold settled");
    assertEquals(3 - charged, balance.get("balance").asLong());
    assertTrue(balance.get("available").asLong() < 2, "the refusal was right: less than one hold left");
  }

  private Reply topup(Session caller, String orgId, Map<String, Object> body, String key) {
    return api.send("POST", "/api/v1/platform/organizations/" + orgId + "/topup", caller.accessToken(), body,
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  private Session createUser(Session admin, String role) {
    String email = role + "-" + UUID.randomUUID() + "@example.com";
    Reply created = api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "User " + role, "role", role));
    assertEquals(201, created.status(), created.body().toString());
    return api.login(email, "long enough pw");
  }

  private JsonNode awaitStatus(Session session, String id, String status) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonNode batch = null;
    while (Instant.now().isBefore(deadline)) {
      batch = api.get("/api/v1/batches/" + id, session.accessToken()).body();
      if (status.equals(batch.at("/batch/status").asText())) {
        return batch;
      }
      pause();
    }
    throw new AssertionError("batch never became " + status + ": " + batch);
  }

  /** The refused contact may still be reporting while the last dialed call settles. */
  private void awaitNoCreditHeld(Session session) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (api.get("/api/v1/accounts/balance", session.accessToken()).body().get("reserved").asLong() == 0) {
        return;
      }
      pause();
    }
    throw new AssertionError("credits still held");
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
