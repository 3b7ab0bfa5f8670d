package dev.vocero.workers.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

  record Dev(Process process, Path log, int httpPort) {}

  private static Dev start(Path dataDir, String name) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int http = TestStack.freePort();
    Path log = dataDir.resolveSibling(name + ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Ddw.telephony.sandbox.speed=0.05", "-Ddw.telephony.sandbox.ringSeconds=2",
        "-Ddw.telephony.sandbox.record=false", "-Ddw.logging.level=WARN",
        "-cp", classpath, "dev.vocero.workers.VoceroApplication", "dev", "--data-dir", dataDir.toString(),
        "--http-port", String.valueOf(http), "--admin-port", String.valueOf(TestStack.freePort()),
        "--temporal-port", String.valueOf(TestStack.freePort())));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new Dev(process, log, http);
  }

  private static void awaitUp(Dev dev) throws Exception {
    await(Duration.ofSeconds(120), () -> {
      if (!dev.process().isAlive()) {
        throw new AssertionError("vocero dev exited with " + dev.process().exitValue() + ":\n" + read(dev.log()));
      }
      try (Socket socket = new Socket("localhost", dev.httpPort())) {
        return read(dev.log()).contains("Vocero dev is running") ? true : null;
      } catch (IOException notYet) {
        return null;
      }
    }, "vocero dev to start");
  }

  @Test
  void givenDevKilledMidBatch_whenStartedAgainAtOnce_itShouldComeUpAndFinishTheBatchCallingNoOneTwice() throws Exception {
    Path dataDir = TestStack.tempDir("crash-drill").resolve("data");
    Dev first = start(dataDir, "first");
    Dev second = null;
    try {
      awaitUp(first);
      ApiClient api = new ApiClient(first.httpPort());
      String password = Files.readString(dataDir.resolve("dev-admin-password")).trim();
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

      first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is left running
      first.process().waitFor();

      second = start(dataDir, "second");
      awaitUp(second);
      assertTrue(read(second.log()).contains("A PostgreSQL left running by an earlier 'vocero dev'"), read(second.log()));
      assertEquals(payloadKey, Files.readString(dataDir.resolve("temporal-payload-key")).trim(), "dev keeps its key");
      ApiClient again = new ApiClient(second.httpPort());
      String token2 = again.login(DevStartup.DEV_ADMIN, password).accessToken();
      JsonNode done = await(Duration.ofSeconds(180), () -> {
        JsonNode batch = again.get("/api/v1/batches/" + batchId, token2).body().get("batch");
        return "completed".equals(batch.get("status").asText()) ? batch : null;
      }, "the batch to complete after the restart");

      try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort(dataDir) + "/postgres",
          "postgres", "postgres")) {
        int contacts = count(db, "select count(*) from contacts where batch_id = '" + batchId + "'");
        int lost = count(db, "select count(*) from contacts where batch_id = '" + batchId + "' and status <> 'done'");
        int duplicated = count(db, "select coalesce(sum(n - 1), 0) from (select count(*) as n from call_attempts"
            + " where batch_id = '" + batchId + "' and provider_call_id is not null group by contact_id) a");
        System.out.printf("DevCrashDrill: %d contacts, batch %s, lost %d, duplicated %d (calls placed: %d)%n", contacts,
            done.get("status").asText(), lost, duplicated,
            count(db, "select count(*) from call_attempts where batch_id = '" + batchId + "' and provider_call_id is not null"));
        assertEquals(CONTACTS, contacts);
        assertEquals(0, lost, "every contact finished");
        assertEquals(0, duplicated, "no contact called twice");
      }
    } finally {
      for (Dev dev : new Dev[] {first, second}) {
        if (dev != null && dev.process().isAlive()) {
          dev.process().destroy(); // SIGTERM: dev stops its PostgreSQL
          if (!dev.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            dev.process().destroyForcibly();
          }
        }
      }
      DataDirLock.stopOrphanPostgres(dataDir.resolve("postgres"));
    }
  }

  private static int postgresPort(Path dataDir) throws IOException {
    return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(3).trim());
  }

  private static int count(Connection db, String sql) throws Exception {
    try (ResultSet rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static <T> T await(Duration timeout, Supplier<T> probe, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      T value;
      try {
        value = probe.get();
      } catch (AssertionError e) {
        throw e;
      } catch (RuntimeException e) {
        value = null;
      }
      if (value != null) {
        return value;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
