package dev.vocero.workers.drills;

import static dev.vocero.workers.ChildJvm.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.ChildJvm;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.VoceroApplication;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Crash drill, distributed: {@code vocero server} and two {@code vocero worker} processes, each its own JVM, on one
 * PostgreSQL and one Temporal server (both in the test JVM, so they outlive the workers). One worker is killed with
 * SIGKILL while Twilio (a fake that also outlives them) holds its unanswered request to place a call; the other worker
 * finishes the batch. Every contact is placed exactly once, counted at the fake; the test delivers each call's
 * signed "completed" callback to the server as Twilio would. Prints what was lost and duplicated.
 */
class DistributedCrashDrillTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final int CONTACTS = 16;
  static final String ACCOUNT = "AC" + "d1".repeat(16);
  static final String AUTH_TOKEN = "drill-twilio-token-" + "7f".repeat(12);
  static final String SETTINGS = """
      {"name":"Simulacro distribuido","callsPerSecond":4,"maxConcurrentCalls":4,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":30}""";
  /** A call rings this long at the fake before it is answered, talked through and its callback sent. */
  static final Duration CALL_LENGTH = Duration.ofMillis(1500);

  @Test
  void givenTwoWorkersMidBatch_whenOneIsKilledWhileDialing_itShouldLetTheOtherFinishPlacingEveryCallExactlyOnce()
      throws Exception {
    Instant began = Instant.now();
    Path dir = TestStack.tempDir("distributed-drill");
    int http = TestStack.freePort();
    List<ChildJvm> processes = new ArrayList<>();
    ScheduledExecutorService provider = Executors.newSingleThreadScheduledExecutor();
    try (TwilioFake twilio = TwilioFake.start(Duration.ofMillis(1500))) {
      processes.add(ChildJvm.start("server", dir, VoceroApplication.class, options(dir, twilio, http, http, "server"),
          List.of("server", ResourceHelpers.resourceFilePath("test-vocero.yml"))));
      List<Integer> workerPorts = new ArrayList<>();
      for (String name : List.of("worker-1", "worker-2")) {
        int port = TestStack.freePort();
        workerPorts.add(port);
        processes.add(ChildJvm.start(name, dir, TwilioFakeApplication.class, options(dir, twilio, http, port, name),
            List.of("worker", ResourceHelpers.resourceFilePath("test-vocero.yml"))));
      }
      processes.get(0).awaitUp(http, null, Duration.ofSeconds(120));
      for (int i = 0; i < 2; i++) {
        processes.get(i + 1).awaitUp(workerPorts.get(i), null, Duration.ofSeconds(120));
      }

      long up = Duration.between(began, Instant.now()).toSeconds();
      ApiClient api = new ApiClient(http);
      Set<String> delivered = ConcurrentHashMap.newKeySet();
      provider.scheduleWithFixedDelay(() -> answerCalls(api, twilio, delivered), 200, 200, TimeUnit.MILLISECONDS);
      Session session = api.registerAndLogin("Simulacros S.A.");
      UUID batchId = upload(api, session);

      // a worker that has placed a few calls, killed while the fake holds one of its creates unanswered
      TwilioFake.Call cut = await(Duration.ofSeconds(90), () -> twilio.calls().stream()
          .filter(c -> c.created().isAfter(Instant.now().minusMillis(700)))
          .filter(c -> twilio.calls().stream().filter(o -> o.placedBy().equals(c.placedBy())).count() >= 3)
          .findFirst().orElse(null), "a worker with three calls placed to be dialing");
      ChildJvm victim = processes.stream().filter(p -> p.name().equals(cut.placedBy())).findFirst().orElseThrow();
      victim.kill();
      long killed = Duration.between(began, Instant.now()).toSeconds();
      Map<String, Long> byWorkerAtKill = byWorker(twilio);
      assertTrue(byWorkerAtKill.values().stream().mapToLong(Long::longValue).sum() < CONTACTS,
          "killed mid-batch: " + byWorkerAtKill);

      await(Duration.ofSeconds(150), () -> "completed".equals(api.get("/api/v1/batches/" + batchId,
          session.accessToken()).body().at("/batch/status").asText()) ? true : null, "the batch to complete");

      Map<String, Integer> placed = twilio.placements();
      List<String> phones = DB.jdbi().withHandle(h -> h.createQuery("select phones[1] from contacts where batch_id = :b")
          .bind("b", batchId).mapTo(String.class).list());
      int lost = (int) phones.stream().filter(p -> placed.getOrDefault(p, 0) == 0).count()
          + DB.jdbi().withHandle(h -> h.createQuery("select count(*) from contacts where batch_id = :b and status <> 'done'")
              .bind("b", batchId).mapTo(Integer.class).one());
      int duplicated = phones.stream().mapToInt(p -> Math.max(0, placed.getOrDefault(p, 0) - 1)).sum();
      System.out.printf("DistributedCrashDrill: %d contacts, batch completed; %s SIGKILLed while dialing %s (calls per"
              + " worker at the kill %s, at the end %s); lost %d, duplicated %d; up at %d s, kill at %d s,"
              + " done at %d s%n", phones.size(), victim.name(), cut.sid(), byWorkerAtKill, byWorker(twilio), lost,
          duplicated, up, killed, Duration.between(began, Instant.now()).toSeconds());
      assertEquals(CONTACTS, phones.size());
      assertEquals(Set.copyOf(phones), placed.keySet(), "calls only to the batch's contacts");
      assertEquals(0, lost, "every contact placed and done");
      assertEquals(0, duplicated, "no contact placed twice");
      assertEquals(List.of(1), DB.jdbi().withHandle(h -> h.createQuery("select distinct count(*) from call_attempts"
          + " where batch_id = :b group by contact_id").bind("b", batchId).mapTo(Integer.class).list()),
          "one attempt per contact");
      assertTrue(DB.jdbi().withHandle(h -> h.createQuery("select count(*) from call_attempts where batch_id = :b and"
          + " provider_call_id = :sid").bind("b", batchId).bind("sid", cut.sid()).mapTo(Integer.class).one()) == 1,
          "the call the killed worker never heard back about was found by the other, not dialed again");
    } finally {
      provider.shutdownNow();
      for (ChildJvm process : processes) {
        process.stop();
      }
    }
  }

  /** What every process shares: the database, Temporal, Twilio's credentials and this server's public address. */
  private static List<String> options(Path dir, TwilioFake twilio, int serverPort, int port, String name) {
    return List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Ddw.server.applicationConnectors[0].port=" + port,
        "-Ddw.database.url=" + DB.jdbcUrl(),
        "-Ddw.temporal.target=" + TestStack.temporalTarget(),
        "-Ddw.temporal.rpcTimeoutSeconds=15", // six JVMs on two cores: a slow answer is no outage
        "-Ddw.auth.jwtSecret=drill-" + "4a".repeat(24),
        "-Ddw.temporal.encryption.keys[0].key=" + TestStack.SERVER_PAYLOAD_KEY, // test-vocero.yml's key is published
        "-Ddw.telephony.provider=twilio",
        "-Ddw.telephony.twilio.accountSid=" + ACCOUNT,
        "-Ddw.telephony.twilio.authToken=" + AUTH_TOKEN,
        "-Ddw.telephony.twilio.fromNumber=+14155550199",
        "-Ddw.telephony.publicBaseUrl=http://localhost:" + serverPort,
        "-Ddw.blobs.endpoint=file:" + dir.resolve("blobs"),
        "-Ddw.speech.baseUrl=http://127.0.0.1:9",
        // the test server never moves a task off a dead worker's sticky queue (a real server does after 5 s)
        "-Ddw.worker.stickyScheduleToStartSeconds=0",
        "-Dvocero.drill.twilioPort=" + twilio.port(),
        "-Dvocero.drill.worker=" + name);
  }

  /** Twilio's side: a call placed {@link #CALL_LENGTH} ago has ended; its signed status callback goes to the server. */
  private static void answerCalls(ApiClient api, TwilioFake twilio, Set<String> delivered) {
    Instant ended = Instant.now().minus(CALL_LENGTH);
    for (TwilioFake.Call call : twilio.calls()) {
      if (delivered.contains(call.sid()) || call.created().isAfter(ended)) {
        continue;
      }
      TwilioFake.Call done = twilio.complete(call.sid());
      String path = done.statusCallback().substring(done.statusCallback().indexOf("/webhooks/"));
      Map<String, String> params = new java.util.LinkedHashMap<>();
      params.put("AccountSid", ACCOUNT);
      params.put("CallSid", done.sid());
      params.put("CallStatus", "completed");
      params.put("CallDuration", "12");
      params.put("Direction", "outbound-api");
      params.put("From", done.from());
      params.put("To", done.to());
      params.put("SequenceNumber", "3");
      try {
        Reply reply = api.twilioCallback(path, params, AUTH_TOKEN);
        if (reply.status() / 100 == 2) {
          delivered.add(done.sid());
        }
      } catch (RuntimeException | AssertionError retryNextRound) {
        // Twilio retries a callback the server did not take
      }
    }
  }

  private static Map<String, Long> byWorker(TwilioFake twilio) {
    return twilio.calls().stream().collect(Collectors.groupingBy(TwilioFake.Call::placedBy, java.util.TreeMap::new,
        Collectors.counting()));
  }

  private static UUID upload(ApiClient api, Session session) {
    StringBuilder csv = new StringBuilder("Nombre,Celular\n");
    for (int i = 0; i < CONTACTS; i++) {
      csv.append("Cliente ").append(i).append(",300555").append(String.format("%03d", i)).append("0\n");
    }
    Reply created = api.upload("/api/v1/batches", session.accessToken(), "file", "simulacro.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8), Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return UUID.fromString(created.body().get("id").asText());
  }
}
