package dev.vocero.workers.api;

import static dev.vocero.workers.Eventually.eventually;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Message credits end to end on the sandbox: an SMS wave of an enforced organization runs out of credit, pauses itself
 * with no_credit, and after a top-up and a resume reaches everyone once; the signed status callbacks charge delivered
 * and undelivered messages and release the refused one.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MessageCreditsEndToEndTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final String SETTINGS = """
      {"name":"Cobranza","callsPerSecond":20,"maxConcurrentCalls":6,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";
  /** Sandbox messaging by last digit: 0, 6, 7, 8 delivered; 5 refused (21211); 2 undelivered (30003). */
  static final List<List<String>> SHEET = List.of(
      List.of("Nombre", "Teléfono", "Monto"),
      List.of("Ana Pérez", "300 123 4560", "150.000"),
      List.of("Luis Gómez", "300 123 4566", "80.000"),
      List.of("Rosa Mena", "300 123 4565", "20.000"),
      List.of("Jorge Díaz", "300 123 4567", "12.000"),
      List.of("Marta Ruiz", "300 123 4562", "45.500"),
      List.of("Pedro Gil", "300 123 4568", "10.000"));

  final ApiClient api = new ApiClient(APP.getLocalPort());

  @Test
  void givenCreditForThreeMessages_whenAWaveRunsOut_itShouldPauseForCreditAndAfterTopUpAndResumeReachEveryoneOnce()
      throws java.io.IOException {
    Session admin = api.registerAndLogin("Mensajes Prepagados");
    Reply created = api.upload("/api/v1/batches", admin.accessToken(), "file", "deudores.xlsx",
        CallFixtures.workbook(SHEET), Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String batchId = created.body().get("id").asText();
    eventually(() -> "completed".equals(api.get("/api/v1/batches/" + batchId, admin.accessToken()).body()
        .at("/batch/status").asText()) ? true : null, "the call batch completed (before credits are enforced)");
    assertEquals(200, api.enforceCredits(admin, true).status());
    assertEquals(201, api.topup(admin, 3, "tres mensajes").status());

    Reply wave = api.post("/api/v1/messages/waves", admin.accessToken(), Map.of("name", "Recordatorio",
        "channel", "sms", "body", "Hola {{name}}, su saldo es {{amount}}.", "batchId", batchId, "perMinute", 6000));
    assertEquals(201, wave.status(), String.valueOf(wave.body()));
    String waveId = wave.body().get("id").asText();

    // 4560, 4566 and 4567 take the 3 credits (4565's hold is released when it is refused); 4562 finds none
    JsonNode paused = eventually(() -> {
      JsonNode w = api.get("/api/v1/messages/waves/" + waveId, admin.accessToken()).body();
      return "paused".equals(w.get("status").asText()) ? w : null;
    }, "the wave paused itself");
    assertEquals("no_credit", paused.get("pauseReason").asText(), paused.toString());
    assertEquals("pending", state("+573001234562"), "the contact without credit keeps its message for later");
    assertEquals(0, balance(admin).get("available").asLong());

    assertEquals(201, api.topup(admin, 10, "recarga").status());
    Reply resumed = api.post("/api/v1/messages/waves/" + waveId + "/resume", admin.accessToken(), Map.of());
    assertEquals(200, resumed.status(), String.valueOf(resumed.body()));

    JsonNode done = eventually(() -> {
      JsonNode w = api.get("/api/v1/messages/waves/" + waveId, admin.accessToken()).body();
      return "completed".equals(w.get("status").asText()) && w.at("/counts/delivered").asLong() == 4
          && w.at("/counts/failed").asLong() == 2 ? w : null;
    }, "the wave finished: 4 delivered, 1 refused, 1 undelivered");
    assertTrue(done.get("pauseReason").isNull(), done.toString());
    List<Integer> perContact = DB.jdbi().withHandle(h -> h.createQuery("select count(*) from messages"
        + " where wave_id = :w group by contact_id").bind("w", UUID.fromString(waveId)).mapTo(Integer.class).list());
    assertEquals(List.of(1, 1, 1, 1, 1, 1), perContact, "every contact got exactly one message");

    JsonNode account = eventually(() -> {
      JsonNode b = balance(admin);
      return b.get("reserved").asLong() == 0 ? b : null;
    }, "every hold settled or released");
    assertEquals(13 - 5, account.get("balance").asLong(), "4 delivered + 1 undelivered charged, the refusal released");
    List<String> refused = DB.jdbi().withHandle(h -> h.createQuery("select l.kind from credit_ledger l join messages m"
        + " on l.reference = m.id::text where m.phone_e164 = '+573001234565' order by l.id").mapTo(String.class).list());
    assertEquals(List.of("reserve", "release"), refused);
  }

  private JsonNode balance(Session session) {
    return api.get("/api/v1/accounts/balance", session.accessToken()).body();
  }

  private static String state(String phone) {
    return DB.jdbi().withHandle(h -> h.createQuery("select state from messages where phone_e164 = :p")
        .bind("p", phone).mapTo(String.class).one());
  }

}
