package dev.vocero.workers.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vocero.workers.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vocero.activities.alerts.WebhookSignature;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A CRM with an API key and no password receives Vocero's business events on its webhook: one signed call.completed
 * per call of the list it posted, batch.completed, message.status of its SMS wave, audio.completed of its recording;
 * it replays a delivery and gets the same event id again; another organization's events never reach it; no payload
 * carries a full phone number.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BusinessEventsEndToEndTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = new WireMockServer(wireMockConfig().dynamicPort());
  static final WireMockServer RECEIVER = new WireMockServer(wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, BusinessEventsEndToEndTest::speechUrl);
  static final String SETTINGS = """
      {"name":"Cobranza CRM","callsPerSecond":20,"maxConcurrentCalls":3,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static final List<List<String>> SHEET = List.of(List.of("Nombre", "Teléfono"),
      List.of("Ana Pérez", "300 123 4560"), List.of("Luis Gómez", "300 123 4561"), List.of("Marta Ruiz", "300 123 4562"));
  static final List<String> FULL_NUMBERS = List.of("3001234560", "3001234561", "3001234562", "3001234570");
  static final String CRM = "/crm/events";
  static final String OTHER = "/other/events";
  static ApiClient api;

  static String speechUrl() {
    return SpeechStub.startedBaseUrl(SPEECH);
  }

  @BeforeAll
  static void start() {
    RECEIVER.start();
    RECEIVER.stubFor(post(urlEqualTo(CRM)).willReturn(aResponse().withStatus(200)));
    RECEIVER.stubFor(post(urlEqualTo(OTHER)).willReturn(aResponse().withStatus(204)));
    api = new ApiClient(APP.getLocalPort());
  }

  @AfterAll
  static void stop() {
    SPEECH.stop();
    RECEIVER.stop();
  }

  @Test
  void givenACrmWebhook_whenItsListIsCalledAndMessaged_itShouldGetOneSignedEventPerFactAndReplayOne() throws Exception {
    Session admin = api.registerAndLogin("Cobranzas CRM Eventos");
    String key = apiKey(admin);
    Reply webhook = api.post("/api/v1/webhooks", key, Map.of("url", RECEIVER.baseUrl() + CRM,
        "eventTypes", List.of("call.completed", "batch.completed", "message.status")));
    assertEquals(201, webhook.status(), String.valueOf(webhook.body()));
    String secret = webhook.body().get("secret").asText();
    String webhookId = webhook.body().get("id").asText();
    String orgId = orgOf(webhookId);

    Session stranger = api.registerAndLogin("Otra Cobranza");
    Reply otherHook = api.post("/api/v1/webhooks", stranger.accessToken(), Map.of("url", RECEIVER.baseUrl() + OTHER,
        "eventTypes", List.of("call.completed", "batch.completed", "message.status", "audio.completed")));
    assertEquals(201, otherHook.status(), String.valueOf(otherHook.body()));
    String otherBatch = upload(stranger.accessToken(), List.of(List.of("Nombre", "Teléfono"),
        List.of("Eva Sol", "300 123 4570")));

    String batchId = upload(key, SHEET);
    List<JsonNode> calls = eventually(() -> {
      List<JsonNode> got = events(CRM, "call.completed");
      return got.size() >= 3 && !events(CRM, "batch.completed").isEmpty() ? got : null;
    }, "three call.completed and one batch.completed at the CRM");
    assertEquals(3, calls.size(), "one call.completed per call: " + calls);
    assertEquals(3, received(CRM).stream().filter(r -> r.getBodyAsString().contains("\"call.completed\"")).count(),
        "each delivered once");
    Set<String> attempts = calls.stream().map(e -> e.at("/data/attemptId").asText()).collect(Collectors.toSet());
    assertEquals(3, attempts.size());
    Set<String> dispositions = calls.stream().map(e -> e.at("/data/disposition").asText()).collect(Collectors.toSet());
    assertEquals(Set.of("answered_human", "answered_machine", "no_answer"), dispositions);
    for (JsonNode call : calls) {
      assertEnvelope(call, "call.completed", orgId);
      assertEquals(batchId, call.at("/data/batchId").asText());
      assertEquals(1, call.at("/data/attemptNumber").asInt());
      assertTrue(call.at("/data/contactId").isIntegralNumber() && call.at("/data/contactRow").isIntegralNumber(),
          call.toString());
      String phone = call.at("/data/phone").asText();
      assertTrue(phone.startsWith("+57300•••456"), "the masked number: " + phone);
      assertTrue(call.at("/data").has("durationSeconds") && call.at("/data").has("audioId"), call.toString());
    }
    JsonNode batch = single(events(CRM, "batch.completed"));
    assertEnvelope(batch, "batch.completed", orgId);
    assertEquals(batchId, batch.at("/data/batchId").asText());
    assertEquals("completed", batch.at("/data/status").asText());
    assertEquals(3, batch.at("/data/contacts").asInt());
    assertEquals(1, batch.at("/data/finishedByDisposition/no_answer").asInt(), batch.toString());

    Reply wave = api.post("/api/v1/messages/waves", key, Map.of("name", "Recordatorio", "channel", "sms",
        "body", "Hola {{name}}, le escribimos de Cobranzas.", "batchId", batchId, "perMinute", 6000));
    assertEquals(201, wave.status(), String.valueOf(wave.body()));
    String waveId = wave.body().get("id").asText();
    JsonNode delivered = eventually(() -> events(CRM, "message.status").stream()
        .filter(e -> "delivered".equals(e.at("/data/status").asText())
            && e.at("/data/phone").asText().endsWith("4560")).findFirst().orElse(null),
        "message.status delivered for ...4560");
    assertEnvelope(delivered, "message.status", orgId);
    assertEquals(waveId, delivered.at("/data/waveId").asText());
    assertEquals("sms", delivered.at("/data/channel").asText());
    Map<String, Long> perEvent = events(CRM, "message.status").stream()
        .collect(Collectors.groupingBy(e -> e.get("id").asText(), Collectors.counting()));
    assertTrue(perEvent.values().stream().allMatch(n -> n == 1), "each status change once: " + perEvent);

    for (LoggedRequest request : received(CRM)) {
      assertTrue(WebhookSignature.verify(request.getHeader("Vocero-Signature"), request.getBodyAsString(), secret,
          Instant.now(), Duration.ofMinutes(5)), "signed with the webhook's secret");
      assertEquals(ApiClient.JSON.readTree(request.getBodyAsString()).get("type").asText(), request.getHeader("Vocero-Event"));
    }

    JsonNode original = calls.get(0);
    String originalDelivery = received(CRM).stream()
        .filter(r -> r.getBodyAsString().contains(original.get("id").asText())).findFirst().orElseThrow()
        .getHeader("Vocero-Delivery");
    Reply replay = api.post("/api/v1/webhooks/" + webhookId + "/deliveries/" + originalDelivery + "/replay", key, null);
    assertEquals(202, replay.status(), String.valueOf(replay.body()));
    assertEquals(originalDelivery, replay.body().get("replayOf").asText());
    assertEquals(original.get("id").asText(), replay.body().get("eventId").asText());
    String replayId = replay.body().get("id").asText();
    LoggedRequest again = eventually(() -> received(CRM).stream()
        .filter(r -> replayId.equals(r.getHeader("Vocero-Delivery"))).findFirst().orElse(null), "the replay arrives");
    JsonNode replayed = ApiClient.JSON.readTree(again.getBodyAsString());
    assertEquals(original.get("id").asText(), replayed.get("id").asText(), "the same event id");
    assertEquals(original.get("data"), replayed.get("data"), "the same event");
    assertNotEquals(originalDelivery, replayId, "a new delivery");
    JsonNode shown = eventually(() -> {
      JsonNode d = api.get("/api/v1/webhooks/" + webhookId + "/deliveries/" + replayId, key).body();
      return "delivered".equals(d.get("status").asText()) ? d : null;
    }, "the replay is recorded as delivered");
    assertEquals(1, shown.get("attempts").asInt());
    assertEquals(404, api.post("/api/v1/webhooks/" + webhookId + "/deliveries/" + UUID.randomUUID() + "/replay", key,
        null).status());
    assertEquals(404, api.post("/api/v1/webhooks/" + otherHook.body().get("id").asText() + "/deliveries/"
        + originalDelivery + "/replay", key, null).status(), "another organization's webhook is not found");

    eventually(() -> events(OTHER, "batch.completed").isEmpty() ? null : true, "the other organization's batch ends");
    for (JsonNode event : allEvents(CRM)) {
      assertEquals(orgId, event.get("organizationId").asText(), "only this organization's events: " + event);
    }
    for (JsonNode event : allEvents(OTHER)) {
      assertNotEquals(orgId, event.get("organizationId").asText());
    }
    assertEquals(otherBatch, single(events(OTHER, "batch.completed")).at("/data/batchId").asText());
    assertTrue(events(CRM, "batch.completed").stream().noneMatch(e -> otherBatch.equals(e.at("/data/batchId").asText())));
    assertNoFullNumber();
  }

  @Test
  void givenAnAudioWebhook_whenARecordingIsProcessed_itShouldReceiveAudioCompleted() throws Exception {
    SpeechStub.answersSpanishCall(SPEECH);
    Session admin = api.registerAndLogin("Grabaciones CRM");
    String key = apiKey(admin);
    Reply webhook = api.post("/api/v1/webhooks", key, Map.of("url", RECEIVER.baseUrl() + "/crm/audio",
        "eventTypes", List.of("audio.completed")));
    assertEquals(201, webhook.status(), String.valueOf(webhook.body()));
    RECEIVER.stubFor(post(urlEqualTo("/crm/audio")).willReturn(aResponse().withStatus(200)));
    Reply accepted = api.upload("/api/v1/audios", key, "file", "llamada.wav", Wav.tone(1.5, 440), Map.of("language", "es"));
    assertEquals(202, accepted.status(), String.valueOf(accepted.body()));
    String audioId = accepted.body().get("id").asText();

    JsonNode event = eventually(() -> events("/crm/audio", "audio.completed").stream().findFirst().orElse(null),
        "audio.completed arrives");
    assertEnvelope(event, "audio.completed", orgOf(webhook.body().get("id").asText()));
    assertEquals(audioId, event.at("/data/audioId").asText());
    assertTrue(event.at("/data/extractions").isArray(), event.toString());
    assertTrue(event.at("/data/durationMs").isIntegralNumber(), event.toString());
    JsonNode deliveries = api.get("/api/v1/webhooks/" + webhook.body().get("id").asText() + "/deliveries", key).body();
    assertEquals(1, deliveries.get("total").asInt(), "one delivery for one completion: " + deliveries);
    assertEquals("audio.completed", deliveries.at("/items/0/eventType").asText());
    assertTrue(deliveries.at("/items/0/alertId").isNull());
  }

  @Test
  void givenACampaignWebhook_whenTheKeyPausesTheCampaign_itShouldReceiveCampaignPausedWithTheReason() throws Exception {
    Session admin = api.registerAndLogin("Campañas CRM");
    String key = apiKey(admin);
    Reply webhook = api.post("/api/v1/webhooks", key, Map.of("url", RECEIVER.baseUrl() + "/crm/campaigns",
        "eventTypes", List.of("campaign.paused", "campaign.day_completed")));
    assertEquals(201, webhook.status(), String.valueOf(webhook.body()));
    RECEIVER.stubFor(post(urlEqualTo("/crm/campaigns")).willReturn(aResponse().withStatus(200)));
    Reply batch = api.upload("/api/v1/batches", key, "file", "deudores.xlsx", CallFixtures.workbook(CampaignApiTest.SHEET),
        Map.of("settings", CampaignApiTest.SETTINGS));
    assertEquals(201, batch.status(), String.valueOf(batch.body()));
    String campaign = api.post("/api/v1/campaigns", key, CampaignApiTest.campaign(List.of(batch.body().get("id").asText())))
        .body().get("id").asText();
    String path = "/api/v1/campaigns/" + campaign;
    assertEquals(200, api.post(path + "/schedule", key, null).status());
    eventually(() -> "running".equals(api.get(path, key).body().at("/progress/state").asText()) ? true : null,
        "the campaign runs");
    assertEquals(200, api.post(path + "/pause", key, null).status());

    JsonNode paused = eventually(() -> events("/crm/campaigns", "campaign.paused").stream().findFirst().orElse(null),
        "campaign.paused arrives");
    assertEnvelope(paused, "campaign.paused", orgOf(webhook.body().get("id").asText()));
    assertEquals(campaign, paused.at("/data/campaignId").asText());
    assertEquals("operator", paused.at("/data/reason").asText());
    assertEquals("Campaña de noviembre", paused.at("/data/name").asText());
    Instant.parse(paused.at("/data/pausedAt").asText().replace("+00:00", "Z"));
  }

  @Test
  void givenTheDocument_itShouldDescribeEveryEventAndOfferItsTypeToSubscribe() {
    JsonNode document = api.get("/openapi.json", null).body();
    List<String> types = List.of("alert.raised", "call.completed", "batch.completed", "campaign.day_completed",
        "campaign.paused", "message.status", "audio.completed");
    for (String type : types) {
      JsonNode body = document.at("/webhooks/" + type + "/post/requestBody/content/application~1json/schema");
      String name = body.get("$ref").asText().substring("#/components/schemas/".length());
      JsonNode event = document.at("/components/schemas/" + name);
      assertEquals(type, event.at("/properties/type/const").asText(), name);
      String data = event.at("/properties/data/$ref").asText().substring("#/components/schemas/".length());
      assertTrue(document.at("/components/schemas/" + data + "/properties").size() > 3, data);
    }
    assertTrue(document.at("/components/schemas/CallCompletedEvent/required").toString().contains("organizationId"));
    assertTrue(document.at("/components/schemas/EventViews.CallCompleted/properties").has("disposition"));
    assertTrue(document.at("/components/schemas/EventViews.AudioCompleted/properties").has("extractions"));
    List<String> offered = new ArrayList<>();
    document.at("/components/schemas/WebhookBody/properties/eventTypes/items/enum").forEach(t -> offered.add(t.asText()));
    assertEquals(types, offered);
    assertTrue(document.at("/paths/~1api~1v1~1webhooks~1{id}~1deliveries~1{deliveryId}~1replay/post/responses").has("202"));
  }

  private static void assertEnvelope(JsonNode event, String type, String orgId) {
    assertEquals(type, event.get("type").asText());
    UUID.fromString(event.get("id").asText());
    assertEquals(orgId, event.get("organizationId").asText());
    Instant.parse(event.get("occurredAt").asText());
    assertTrue(event.get("created").isIntegralNumber() && event.get("data").isObject(), event.toString());
  }

  private static void assertNoFullNumber() {
    String everything = RECEIVER.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString())
        .collect(Collectors.joining("\n"));
    for (String number : FULL_NUMBERS) {
      assertFalse(everything.replaceAll("[^0-9•]", "").contains(number), "no full phone number in any payload");
    }
  }

  private static String apiKey(Session admin) {
    Reply created = api.post("/api/v1/api-keys", admin.accessToken(), Map.of("name", "CRM", "role", "admin"));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return created.body().get("key").asText();
  }

  private static String upload(String token, List<List<String>> sheet) throws Exception {
    Reply created = api.upload("/api/v1/batches", token, "file", "deudores.xlsx", CallFixtures.workbook(sheet),
        Map.of("settings", SETTINGS), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return created.body().get("id").asText();
  }

  private static String orgOf(String webhookId) {
    return DB.jdbi().withHandle(h -> h.createQuery("select org_id::text from outbound_webhooks where id = cast(:id as uuid)")
        .bind("id", webhookId).mapTo(String.class).one());
  }

  private static JsonNode single(List<JsonNode> events) {
    assertEquals(1, events.size(), events.toString());
    return events.get(0);
  }

  private static List<LoggedRequest> received(String path) {
    return RECEIVER.findAll(postRequestedFor(urlEqualTo(path)));
  }

  /** The first delivery of each event at this path (replays left out). */
  private static List<JsonNode> allEvents(String path) {
    List<JsonNode> events = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (LoggedRequest request : received(path)) {
      try {
        JsonNode event = ApiClient.JSON.readTree(request.getBodyAsString());
        if (seen.add(event.get("id").asText())) {
          events.add(event);
        }
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + request.getBodyAsString(), e);
      }
    }
    return events;
  }

  private static List<JsonNode> events(String path, String type) {
    return allEvents(path).stream().filter(e -> type.equals(e.get("type").asText())).toList();
  }
}
