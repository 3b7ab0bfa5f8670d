package dev.vocero.workers.dev;

import static dev.vocero.workers.ChildJvm.await;
import static dev.vocero.workers.dev.DevDrill.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.VoceroApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Crash drill: {@code vocero dev} killed with SIGKILL mid-batch and started again at once on the same data directory.
 * The second start must come up on its own (the killed run's PostgreSQL still holds the data directory) and finish
 * the batch with no contact called twice. Prints what was lost and duplicated.
 */
class DevCrashDrillTest {
  static final String SETTINGS = """
      {"name":"Simulacro","callsPerSecond":1,"maxConcurrentCalls":2,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static final int CONTACTS = 12;

  @Test
  void givenDevKilledMidBatch_whenStartedAgainAtOnce_itShouldComeUpAndFinishTheBatchCallingNoOneTwice() throws Exception {
    Path dataDir = TestStack.tempDir("crash-drill").resolve("data");
    DevDrill first = DevDrill.start(dataDir, "first", VoceroApplication.class);
    DevDrill second = null;
    try {
      first.awaitUp();
      ApiClient api = new ApiClient(first.httpPort());
      String password = DevDrill.adminPassword(dataDir);
      String payloadKey = Files.readString(dataDir.resolve("temporal-payload-key")).trim();
      assertEquals(32, java.util.Base64.getDecoder().decode(payloadKey).length, "dev made an AES-256 payload key");
      String token = api.login(DevStartup.DEV_ADMIN, password).accessToken();
      List<List<String>> sheet = new ArrayList<>(List.of(List.of("Nombre", "Teléfono")));
      for (int i = 0; i < CONTACTS; i++) {
        sheet.add(List.of("Contacto " + i, "300 555 " + String.format("%04d", 1000 + i * 10))); // last digit 0: answers
      }
      ApiClient.Reply created = api.upload("/api/v1/batches", token, "file", "simulacro.xlsx", CallFixtures.workbook(sheet),
          Map.of("settings", SETTINGS));
      assertEquals(201, created.status(), String.valueOf(created.body()));
      String batchId = created.body().get("id").asText();
      await(Duration.ofSeconds(60), () -> api.get("/api/v1/batches/" + batchId, token).body().at("/batch/started").asInt()
          >= 3 ? true : null, "three contacts to be called");

      first.jvm().kill(); // SIGKILL: no shutdown hook runs, PostgreSQL is left running

      second = DevDrill.start(dataDir, "second", VoceroApplication.class);
      second.awaitUp();
      assertTrue(second.jvm().log().contains("A PostgreSQL left running by an earlier 'vocero dev'"), second.jvm().log());
      assertEquals(payloadKey, Files.readString(dataDir.resolve("temporal-payload-key")).trim(), "dev keeps its key");
      ApiClient again = new ApiClient(second.httpPort());
      String token2 = again.login(DevStartup.DEV_ADMIN, password).accessToken();
      JsonNode done = await(Duration.ofSeconds(180), () -> {
        JsonNode batch = again.get("/api/v1/batches/" + batchId, token2).body().get("batch");
        return "completed".equals(batch.get("status").asText()) ? batch : null;
      }, "the batch to complete after the restart");

      try (Connection db = DevDrill.database(dataDir)) {
        int contacts = count(db, "select count(*) from contacts where batch_id = '" + batchId + "'");
        int lost = count(db, "select count(*) from contacts where batch_id = '" + batchId + "' and status <> 'done'");
        int duplicated = count(db, "select coalesce(sum(n - 1), 0) from (select count(*) as n from call_attempts"
            + " where batch_id = '" + batchId + "' and provider_call_id is not null group by contact_id) a");
        Map<String, Integer> asked = DevDrill.placed(dataDir, "calls.log"); // at the sandbox, across both runs
        int dialedTwice = asked.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
        System.out.printf("DevCrashDrill: %d contacts, batch %s, lost %d, duplicated %d (calls placed: %d, calls the"
            + " sandbox placed: %d)%n", contacts, done.get("status").asText(), lost, Math.max(duplicated, dialedTwice),
            count(db, "select count(*) from call_attempts where batch_id = '" + batchId + "' and provider_call_id is not null"),
            asked.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(CONTACTS, contacts);
        assertEquals(0, lost, "every contact finished");
        assertEquals(0, duplicated, "no contact called twice");
        assertEquals(CONTACTS, asked.size(), "every contact dialed: " + asked);
        assertEquals(0, dialedTwice, "no contact dialed twice at the sandbox: " + asked);
      }
    } finally {
      DevDrill.stopAll(dataDir, first, second);
    }
  }
}
