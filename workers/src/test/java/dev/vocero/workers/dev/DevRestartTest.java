package dev.vocero.workers.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.VoceroConfiguration;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@code vocero dev} stopped mid-way and started again: the application runs a batch, a paused batch and an SMS wave on
 * one Temporal test server, is stopped while calls ring and messages go out, and a new application on a FRESH
 * Temporal (nothing survives, as with dev's in-memory one) and the same PostgreSQL starts the unfinished work again.
 * Every contact ends with one ended attempt, nobody is dialed or messaged twice (counted at the provider adapters),
 * the wave sends only to the contacts left, and the paused batch stays paused until it is resumed.
 */
class DevRestartTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final int CONTACTS = 12;
  static final int PAUSED_CONTACTS = 4;
  static final int CAMPAIGN_CONTACTS = 4;
  // answered calls last 45 s × 0.05 ≈ 2.3 s, so calls are in flight when the application stops
  static final ConfigOverride SPEED = ConfigOverride.config("telephony.sandbox.speed", "0.05");
  static final String RUNNING_SETTINGS = """
      {"name":"Cobranza","callsPerSecond":4,"maxConcurrentCalls":3,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":30}""";
  static final String PAUSED_SETTINGS = RUNNING_SETTINGS.replace("Cobranza", "En pausa")
      .replace("\"callsPerSecond\":4", "\"callsPerSecond\":0.5");
  /** Slow enough (one call every 2 s, one at a time) to be unfinished when the application stops. */
  static final String CAMPAIGN_SETTINGS = PAUSED_SETTINGS.replace("En pausa", "En campaña")
      .replace("\"maxConcurrentCalls\":3", "\"maxConcurrentCalls\":1");

  @Test
  void givenABatchAWaveAndAPausedBatchMidWay_whenDevRestartsOnAFreshTemporal_itShouldFinishWithoutCallingOrMessagingTwice()
      throws Exception {
    Temporal firstTemporal = Temporal.start();
    DropwizardAppExtension<VoceroConfiguration> first = app(firstTemporal);
    first.before();
    ApiClient api = new ApiClient(first.getLocalPort());
    Session session = api.registerAndLogin("Reinicios S.A.");
    UUID batch = upload(api, session, "cobranza.csv", phones("300555", "0", CONTACTS), RUNNING_SETTINGS);
    UUID paused = upload(api, session, "pausa.csv", phones("300777", "2", PAUSED_CONTACTS), PAUSED_SETTINGS);
    assertEquals(200, api.post("/api/v1/batches/" + paused + "/pause", session.accessToken(), Map.of()).status());
    Reply wave = api.post("/api/v1/messages/waves", session.accessToken(), Map.of("name", "Recordatorio",
        "channel", "sms", "body", "Hola {{name}}", "batchId", batch.toString(), "perMinute", 60));
    assertEquals(201, wave.status(), String.valueOf(wave.body()));
    UUID waveId = UUID.fromString(wave.body().get("id").asText());
    UUID campaignBatch = upload(api, session, "campana.csv", phones("300888", "0", CAMPAIGN_CONTACTS), CAMPAIGN_SETTINGS);
    UUID campaign = campaign(api, session, campaignBatch);

    eventually("calls done and in flight, messages sent and not", () -> count("select count(*) from contacts"
        + " where batch_id = :b and status = 'done'", batch) >= 4 && inFlight(batch) > 0
        && sent(waveId) >= 2 && sent(waveId) < CONTACTS
        && count("select count(*) from contacts where batch_id = :b and status = 'done'", campaignBatch)
        < CAMPAIGN_CONTACTS);
    first.after();
    firstTemporal.server().close();

    List<UUID> cutOff = ids("select id from call_attempts where batch_id = :b and placed_at is not null"
        + " and status <> 'ended'", batch);
    Map<UUID, String> expected = new java.util.HashMap<>();
    for (UUID attempt : cutOff) { // the stored terminal callback decides; without one the call was interrupted
      List<String> stored = strings("select disposition from provider_events where attempt_id = :b and terminal", attempt);
      expected.put(attempt, stored.isEmpty() ? "interrupted" : stored.get(0));
    }
    int doneBefore = count("select count(*) from contacts where batch_id = :b and status = 'done'", batch);
    int sentBefore = sent(waveId);
    int pausedDials = dials(paused);
    int sendsBefore = sends(batch);
    assertEquals(sentBefore, sendsBefore, "one send per message handed to the provider");
    assertTrue(!cutOff.isEmpty() && doneBefore < CONTACTS, "stopped mid-batch: " + cutOff.size() + " cut off, "
        + doneBefore + " done");

    Temporal secondTemporal = Temporal.start();
    DropwizardAppExtension<VoceroConfiguration> second = app(secondTemporal);
    second.before();
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget(secondTemporal.target()).build());
    try {
      WorkflowClient client = TestStack.client(stubs);
      UnfinishedWork.Restarted restarted = UnfinishedWork.restart(DB.jdbi(), client, second.getObjectMapper());
      assertEquals(Set.of(batch, paused, campaignBatch), Set.copyOf(restarted.batches().started()));
      assertEquals(List.of(waveId), restarted.waves().started());
      assertEquals(List.of(campaign), restarted.campaigns().started());
      UnfinishedWork.Restarted twice = UnfinishedWork.restart(DB.jdbi(), client, second.getObjectMapper());
      assertEquals(List.of(3, 1, 1), List.of(twice.batches().running(), twice.waves().running(),
          twice.campaigns().running()), "what is running is left alone: " + twice);
      assertEquals(0, twice.batches().started().size() + twice.waves().started().size()
          + twice.campaigns().started().size());

      ApiClient again = new ApiClient(second.getLocalPort());
      String token = again.login(session.email(), session.password()).accessToken();
      eventually("the batch completes", () -> "completed".equals(status(again, token, "/api/v1/batches/" + batch,
          "/batch/status")));
      eventually("the wave completes", () -> "completed".equals(status(again, token,
          "/api/v1/messages/waves/" + waveId, "/status")));

      assertEquals(CONTACTS, count("select count(*) from contacts where batch_id = :b and status = 'done'", batch));
      assertEquals(List.of(1), ints("select distinct count(*) from call_attempts where batch_id = :b group by contact_id",
          batch), "one attempt per contact (maxAttempts 1)");
      assertEquals(0, count("select count(*) from call_attempts where batch_id = :b and status <> 'ended'", batch),
          "every attempt ended");
      for (String phone : strings("select phones[1] from contacts where batch_id = :b", batch)) {
        assertEquals(1, CountingApplication.dials(phone), "dials to one contact");
        assertEquals(1, CountingApplication.sends(phone), "messages to one contact");
      }
      for (UUID attempt : cutOff) {
        assertEquals(expected.get(attempt), strings("select disposition from call_attempts where id = :b", attempt)
            .get(0), "how the cut-off call " + attempt + " ended");
      }
      assertTrue(expected.containsValue("interrupted"), "a call the provider could not account for: " + expected);
      assertEquals(CONTACTS, count("select count(*) from messages where wave_id = :b", waveId));
      assertEquals(CONTACTS, count("select sent from message_waves where id = :b", waveId), "the wave's counters");
      assertEquals(CONTACTS - sentBefore, sends(batch) - sendsBefore, "after the restart, only the contacts left");

      CallBatchWorkflow pausedBatch = client.newWorkflowStub(CallBatchWorkflow.class, CallIds.batchWorkflowId(paused));
      assertTrue(pausedBatch.progress().paused(), "the paused batch is paused again");
      assertEquals("paused", status(again, token, "/api/v1/batches/" + paused, "/batch/status"));
      assertEquals(pausedDials, dials(paused), "nobody dialed while paused");
      assertEquals(200, again.post("/api/v1/batches/" + paused + "/resume", token, Map.of()).status());
      eventually("the resumed batch completes", () -> "completed".equals(status(again, token,
          "/api/v1/batches/" + paused, "/batch/status")));
      for (String phone : strings("select phones[1] from contacts where batch_id = :b", paused)) {
        assertEquals(1, CountingApplication.dials(phone), "dials to one contact of the resumed batch");
      }
      assertEquals(0, count("select count(*) from call_attempts where batch_id = :b and status <> 'ended'", paused));

      // the campaign's batch was started again held; the campaign, started again after it, released it
      eventually("the campaign's batch completes", () -> "completed".equals(status(again, token,
          "/api/v1/batches/" + campaignBatch, "/batch/status")));
      for (String phone : strings("select phones[1] from contacts where batch_id = :b", campaignBatch)) {
        assertEquals(1, CountingApplication.dials(phone), "dials to one contact of the campaign's batch");
      }
      assertEquals(CAMPAIGN_CONTACTS, count("select count(*) from call_attempts where batch_id = :b and status = 'ended'",
          campaignBatch));
      // the batch's end wakes its campaign (memberEnded), which has nothing left to run and completes
      eventually("the campaign completes", () -> "completed".equals(again.get("/api/v1/campaigns/" + campaign, token)
          .body().get("state").asText()));
      JsonNode ended = again.get("/api/v1/campaigns/" + campaign, token).body();
      assertEquals(CAMPAIGN_CONTACTS, ended.get("startedTotal").asInt(), ended.toString());
    } finally {
      stubs.shutdownNow();
      second.after();
      secondTemporal.server().close();
    }
  }

  /** A Temporal test server (real time) of its own: closing it loses every workflow, as stopping dev does. */
  private record Temporal(int port, TestServer.PortBoundTestServer server) {
    static Temporal start() {
      int port = TestStack.freePort();
      return new Temporal(port, TestServer.createPortBoundServer(port));
    }

    String target() {
      return "localhost:" + port;
    }
  }

  private static DropwizardAppExtension<VoceroConfiguration> app(Temporal temporal) {
    return TestStack.app(CountingApplication.class, ResourceHelpers.resourceFilePath("test-vocero.yml"), Mode.ALL, DB,
        temporal::target, () -> "http://127.0.0.1:9", SPEED,
        ConfigOverride.config("temporal.rpcTimeoutSeconds", "15")); // the machine may be busy: a slow start is no failure
  }

  private static String phones(String prefix, String lastDigit, int n) {
    StringBuilder csv = new StringBuilder("Nombre,Celular\n");
    for (int i = 0; i < n; i++) {
      csv.append("Cliente ").append(i).append(',').append(prefix).append(String.format("%03d", i)).append(lastDigit)
          .append('\n');
    }
    return csv.toString();
  }

  private static UUID upload(ApiClient api, Session session, String name, String csv, String settings) {
    Reply created = api.upload("/api/v1/batches", session.accessToken(), "file", name,
        csv.getBytes(StandardCharsets.UTF_8), Map.of("settings", settings));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return UUID.fromString(created.body().get("id").asText());
  }

  private static UUID campaign(ApiClient api, Session session, UUID batchId) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Campaña");
    body.put("startDate", today.toString());
    body.put("endDate", today.plusDays(30).toString());
    body.put("weekdays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"));
    body.put("windowStart", "00:00");
    body.put("windowEnd", "23:59");
    body.put("timeZone", "UTC");
    body.put("dailyQuota", 100);
    body.put("batchIds", List.of(batchId.toString()));
    Reply created = api.post("/api/v1/campaigns", session.accessToken(), body);
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String id = created.body().get("id").asText();
    Reply scheduled = api.post("/api/v1/campaigns/" + id + "/schedule", session.accessToken(), null);
    assertEquals(200, scheduled.status(), String.valueOf(scheduled.body()));
    return UUID.fromString(id);
  }

  private static String status(ApiClient api, String token, String path, String pointer) {
    return api.get(path, token).body().at(pointer).asText();
  }

  private static int dials(UUID batchId) {
    int sum = 0;
    for (String phone : strings("select phones[1] from contacts where batch_id = :b", batchId)) {
      sum += CountingApplication.dials(phone);
    }
    return sum;
  }

  private static int sends(UUID batchId) {
    int sum = 0;
    for (String phone : strings("select phones[1] from contacts where batch_id = :b", batchId)) {
      sum += CountingApplication.sends(phone);
    }
    return sum;
  }

  private static int sent(UUID waveId) {
    return count("select count(*) from messages where wave_id = :b and provider_sid is not null", waveId);
  }

  private static int inFlight(UUID batchId) {
    return count("select count(*) from call_attempts where batch_id = :b and placed_at is not null and ended_at is null",
        batchId);
  }

  private static int count(String sql, UUID id) {
    return DB.jdbi().withHandle(h -> h.createQuery(sql).bind("b", id).mapTo(Integer.class).one());
  }

  private static List<Integer> ints(String sql, UUID id) {
    return DB.jdbi().withHandle(h -> h.createQuery(sql).bind("b", id).mapTo(Integer.class).list());
  }

  private static List<String> strings(String sql, UUID id) {
    return DB.jdbi().withHandle(h -> h.createQuery(sql).bind("b", id).mapTo(String.class).list());
  }

  private static List<UUID> ids(String sql, UUID id) {
    return new ArrayList<>(DB.jdbi().withHandle(h -> h.createQuery(sql).bind("b", id).mapTo(UUID.class).list()));
  }

  private static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
