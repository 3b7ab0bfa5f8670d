package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A campaign's view of its waves over real HTTP, PostgreSQL and Temporal: two SMS waves to the same two persons under
 * a campaign policy of 72 hours between messages, so each person gets one text and the other waits; the campaign shows
 * per wave the same counts as the wave's own endpoint, the waiting ones by rule and time, and its progress the waves'
 * waiting counts.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CampaignWaveCountsApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static ApiClient api;
  static Session operator;

  @BeforeAll
  static void setUp() {
    api = new ApiClient(APP.getLocalPort());
    operator = api.operatorOf(api.registerAndLogin("Avisos Campaña"));
  }

  /** Two waves of one campaign at once, on a batch that may text any day at any hour. */
  static String campaignWithTwoWaves(Session who) {
    String batchId = api.createBatch(who, CallFixtures.TWO_CHILEAN_DEBTORS, CallFixtures.anyTimeSettings("Avisos"));
    Map<String, Object> body = CallFixtures.twoWavesUnderA72HourGap(batchId);
    body.put("messageQuotas", Map.of("sms", 10)); // a quota makes the campaign read its waves every second or two
    return api.createCampaign(who, body);
  }

  @Test
  void givenTwoWavesUnderA72HourGap_itsViewShouldShowEachWavesCountsWaitingIncludedAsTheWaveEndpointDoes() {
    String id = campaignWithTwoWaves(operator);
    String path = "/api/v1/campaigns/" + id;
    JsonNode draft = api.get(path, operator.accessToken()).body();
    assertEquals(2, draft.get("waves").size());
    assertEquals(0, draft.at("/waves/0/counts").size(), "a held wave has no message yet: " + draft);
    assertEquals(0, draft.at("/waves/0/waitingByRule").size());

    Instant scheduled = Instant.now();
    assertEquals(200, api.post(path + "/schedule", operator.accessToken(), null).status());
    JsonNode campaign = api.await(path, operator.accessToken(), c -> waiting(c) == 2 && progressWaiting(c) == 2,
        Duration.ofSeconds(80));

    long sent = 0;
    for (JsonNode wave : campaign.get("waves")) {
      JsonNode own = api.get("/api/v1/messages/waves/" + wave.get("id").asText(), operator.accessToken()).body();
      assertEquals(own.get("counts"), wave.get("counts"), "the campaign counts a wave as its endpoint does");
      sent += wave.get("counts").path("sent").asLong() + wave.get("counts").path("delivered").asLong()
          + wave.get("counts").path("processing").asLong() + wave.get("counts").path("pending").asLong()
          + wave.get("counts").path("read").asLong() + wave.get("counts").path("failed").asLong();
      long waiting = wave.get("counts").path("waiting").asLong();
      if (waiting > 0) {
        JsonNode rule = wave.at("/waitingByRule/0");
        assertEquals("campaign.hours-between-messages", rule.get("ruleId").asText(), wave.toString());
        assertEquals(waiting, rule.get("messages").asLong());
        Instant from = Instant.parse(rule.get("from").asText());
        assertTrue(!from.isBefore(scheduled.plus(Duration.ofHours(72)))
            && from.isBefore(Instant.now().plus(Duration.ofHours(73))), "72 hours after the first text: " + rule);
      } else {
        assertEquals(0, wave.get("waitingByRule").size(), wave.toString());
      }
    }
    assertEquals(2, sent, "one text per person went out (the sandbox may fail one), the other waits: "
        + campaign.get("waves"));
    JsonNode listed = api.get("/api/v1/campaigns", operator.accessToken()).body().at("/items/0/waves");
    assertEquals(campaign.get("waves").findValues("counts"), listed.findValues("counts"), "the list counts alike");
    assertEquals(202, api.post(path + "/cancel", operator.accessToken(), null).status());
  }

  static long waiting(JsonNode campaign) {
    return campaign.get("waves").findValues("counts").stream().mapToLong(c -> c.path("waiting").asLong()).sum();
  }

  static long progressWaiting(JsonNode campaign) {
    JsonNode waves = campaign.at("/progress/waves");
    return waves.isArray() ? waves.findValues("waiting").stream().mapToLong(JsonNode::asLong).sum() : -1;
  }
}
