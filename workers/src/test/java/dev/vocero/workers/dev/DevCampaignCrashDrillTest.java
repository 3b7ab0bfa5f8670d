package dev.vocero.workers.dev;

import static dev.vocero.workers.ChildJvm.await;
import static dev.vocero.workers.dev.DevDrill.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.TestStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Crash drill: {@code vocero dev} killed with SIGKILL mid-campaign (its batch calling, its SMS wave sending) and
 * started again at once. The campaign finishes, and every contact was dialed once and messaged once, counted at the
 * sandbox providers in a file that outlives the killed process. Prints what was lost and duplicated.
 */
class DevCampaignCrashDrillTest {
  static final int CONTACTS = 10;
  static final String SETTINGS = """
      {"name":"Campaña simulacro","callsPerSecond":1,"maxConcurrentCalls":2,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";

  @Test
  void givenDevKilledMidCampaignAndMidWave_whenStartedAgainAtOnce_itShouldFinishCallingAndMessagingNoOneTwice()
      throws Exception {
    Path dataDir = TestStack.tempDir("campaign-drill").resolve("data");
    Path providerLog = dataDir.resolveSibling("provider.log");
    String logOption = "-D" + CountingApplication.LOG_PROPERTY + "=" + providerLog;
    DevDrill first = DevDrill.start(dataDir, "first", CountingApplication.class, logOption);
    DevDrill second = null;
    try {
      first.awaitUp();
      ApiClient api = new ApiClient(first.httpPort());
      String password = DevDrill.adminPassword(dataDir);
      String token = api.login(DevStartup.DEV_ADMIN, password).accessToken();
      StringBuilder csv = new StringBuilder("Nombre,Celular\n");
      for (int i = 0; i < CONTACTS; i++) {
        csv.append("Cliente ").append(i).append(",300444").append(String.format("%03d", i)).append("0\n"); // 0: answers
      }
      Reply batch = api.upload("/api/v1/batches", token, "file", "campana.csv",
          csv.toString().getBytes(StandardCharsets.UTF_8), Map.of("settings", SETTINGS));
      assertEquals(201, batch.status(), String.valueOf(batch.body()));
      String batchId = batch.body().get("id").asText();
      Reply created = api.post("/api/v1/campaigns", token, campaign(batchId));
      assertEquals(201, created.status(), String.valueOf(created.body()));
      String campaignId = created.body().get("id").asText();
      String waveId = created.body().at("/waves/0/id").asText();
      assertEquals(200, api.post("/api/v1/campaigns/" + campaignId + "/schedule", token, null).status());

      Map<String, Integer> atKill = await(Duration.ofSeconds(90), () -> { // counted where the providers are asked
        Map<String, Integer> asked = asked(providerLog);
        return asked.get("dial") >= 3 && asked.get("dial") < CONTACTS && asked.get("send") >= 2
            && asked.get("send") < CONTACTS ? asked : null;
      }, "the campaign to be calling and its wave sending");
      first.jvm().kill(); // SIGKILL mid-campaign and mid-wave

      second = DevDrill.start(dataDir, "second", CountingApplication.class, logOption);
      second.awaitUp();
      ApiClient again = new ApiClient(second.httpPort());
      String token2 = again.login(DevStartup.DEV_ADMIN, password).accessToken();
      await(Duration.ofSeconds(180), () -> "completed".equals(again.get("/api/v1/batches/" + batchId, token2).body()
          .at("/batch/status").asText()) ? true : null, "the campaign's batch to complete");
      await(Duration.ofSeconds(120), () -> "completed".equals(again.get("/api/v1/messages/waves/" + waveId, token2).body()
          .get("status").asText()) ? true : null, "the campaign's wave to complete");
      JsonNode campaign = await(Duration.ofSeconds(120), () -> {
        JsonNode c = again.get("/api/v1/campaigns/" + campaignId, token2).body();
        return "completed".equals(c.get("state").asText()) ? c : null;
      }, "the campaign to complete");

      Map<String, Integer> requests = CountingApplication.logged(providerLog);
      try (Connection db = DevDrill.database(dataDir)) {
        List<String> phones = new java.util.ArrayList<>();
        try (var rows = db.createStatement().executeQuery("select phones[1] from contacts where batch_id = '"
            + batchId + "'")) {
          while (rows.next()) {
            phones.add(rows.getString(1));
          }
        }
        int lostCalls = (int) phones.stream().filter(p -> requests.getOrDefault("dial " + p, 0) == 0).count()
            + count(db, "select count(*) from contacts where batch_id = '" + batchId + "' and status <> 'done'");
        int lostMessages = (int) phones.stream().filter(p -> requests.getOrDefault("send " + p, 0) == 0).count();
        int duplicated = phones.stream().mapToInt(p -> Math.max(0, requests.getOrDefault("dial " + p, 0) - 1)
            + Math.max(0, requests.getOrDefault("send " + p, 0) - 1)).sum();
        System.out.printf("DevCampaignCrashDrill: %d contacts; killed at %s; campaign %s; dials %d, messages %d;"
                + " lost %d, duplicated %d%n", phones.size(), atKill, campaign.get("state").asText(),
            requests.entrySet().stream().filter(e -> e.getKey().startsWith("dial ")).mapToInt(Map.Entry::getValue).sum(),
            requests.entrySet().stream().filter(e -> e.getKey().startsWith("send ")).mapToInt(Map.Entry::getValue).sum(),
            lostCalls + lostMessages, duplicated);
        assertEquals(CONTACTS, phones.size());
        assertEquals(0, lostCalls, "every contact dialed and done");
        assertEquals(0, lostMessages, "every contact messaged");
        assertEquals(0, duplicated, "nobody dialed or messaged twice: " + requests);
        assertEquals(CONTACTS, count(db, "select count(*) from messages where wave_id = '" + waveId
            + "' and provider_sid is not null"), "one stored message per contact");
        assertTrue(second.jvm().log().contains("A PostgreSQL left running by an earlier 'vocero dev'"), second.jvm().log());
      }
    } finally {
      DevDrill.stopAll(dataDir, first, second);
    }
  }

  /** Dials and sends asked of the providers so far. */
  private static Map<String, Integer> asked(Path providerLog) {
    Map<String, Integer> asked = new HashMap<>(Map.of("dial", 0, "send", 0));
    try {
      CountingApplication.logged(providerLog).forEach((line, n) -> asked.merge(line.split(" ")[0], n, Integer::sum));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return asked;
  }

  private static Map<String, Object> campaign(String batchId) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Campaña simulacro");
    body.put("startDate", today.toString());
    body.put("endDate", today.plusDays(30).toString());
    body.put("weekdays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"));
    body.put("windowStart", "00:00");
    body.put("windowEnd", "23:59");
    body.put("timeZone", "UTC");
    body.put("dailyQuota", 100);
    body.put("batchIds", List.of(batchId));
    body.put("waves", List.of(Map.of("name", "Recordatorio", "channel", "sms", "body", "Hola {{name}}, le llamamos hoy.",
        "batchId", batchId, "perMinute", 20)));
    return body;
  }
}
