package dev.vocero.workers.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vocero.activities.alerts.WebhookSignature;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Upload → transcript → alert rule fires → signed alert.raised delivered to the organization's webhook. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AlertEndToEndTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = new WireMockServer(wireMockConfig().dynamicPort());
  static final WireMockServer RECEIVER = new WireMockServer(wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, AlertEndToEndTest::speechUrl);
  static ApiClient api;
  static Session operator;

  static String speechUrl() {
    return SpeechStub.startedBaseUrl(SPEECH);
  }

  @BeforeAll
  static void start() {
    RECEIVER.start();
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Cobranzas del Pacífico");
  }

  @AfterAll
  static void stop() {
    SPEECH.stop();
    RECEIVER.stop();
  }

  @Test
  void givenARuleAndAWebhook_whenAnAudioMentionsALawyer_itShouldRaiseTheAlertAndDeliverItSigned() throws Exception {
    SpeechStub.answersSpanishCall(SPEECH);
    RECEIVER.stubFor(post(urlEqualTo("/crm/vocero")).willReturn(aResponse().withStatus(200)));
    Reply rule = api.post("/api/v1/alert-rules", operator.accessToken(),
        Map.of("name", "Amenaza legal", "kind", "keyword", "pattern", "ABOGADO", "severity", "critical"));
    assertEquals(201, rule.status(), String.valueOf(rule.body()));
    api.post("/api/v1/alert-rules", operator.accessToken(),
        Map.of("name", "Nunca", "kind", "regex", "pattern", "tarjeta\\s+robada", "severity", "low"));
    Reply webhook = api.post("/api/v1/webhooks", operator.accessToken(), Map.of("url", RECEIVER.baseUrl() + "/crm/vocero"));
    String secret = webhook.body().get("secret").asText();
    String webhookId = webhook.body().get("id").asText();

    Reply accepted = api.upload("/api/v1/audios", operator.accessToken(), "file", "llamada.wav", Wav.tone(1.5, 440),
        Map.of("language", "es"));
    assertEquals(202, accepted.status(), String.valueOf(accepted.body()));
    String audioId = accepted.body().get("id").asText();

    JsonNode delivery = awaitDelivered(webhookId);
    JsonNode alerts = api.get("/api/v1/alerts?audioId=" + audioId, operator.accessToken()).body();
    assertEquals(1, alerts.get("total").asLong(), alerts.toString());
    JsonNode alert = alerts.get("items").get(0);
    assertEquals("Amenaza legal", alert.get("ruleName").asText());
    assertEquals("critical", alert.get("severity").asText());
    assertEquals(2, alert.get("segmentIndex").asInt());
    assertEquals(9_800, alert.get("startMs").asLong());
    assertEquals("Gracias, quiero hablar con un abogado si no me dan plazo.", alert.get("evidence").asText());
    assertEquals(alert.get("id").asText(), delivery.get("alertId").asText());
    assertEquals(1, delivery.get("attempts").asInt());
    assertEquals(200, delivery.get("lastStatusCode").asInt());

    List<LoggedRequest> received = RECEIVER.findAll(postRequestedFor(urlEqualTo("/crm/vocero")));
    assertEquals(1, received.size());
    LoggedRequest request = received.get(0);
    assertEquals(delivery.get("id").asText(), request.getHeader("Vocero-Delivery"));
    assertTrue(WebhookSignature.verify(request.getHeader("Vocero-Signature"), request.getBodyAsString(), secret,
        Instant.now(), Duration.ofMinutes(5)), "the receiver can verify the signature with the secret shown on create");
    JsonNode event = ApiClient.JSON.readTree(request.getBodyAsString());
    assertEquals("alert.raised", event.get("type").asText());
    assertEquals(delivery.get("eventId").asText(), event.get("id").asText());
    assertEquals(alert.get("id").asText(), event.at("/data/id").asText());
    assertEquals(audioId, event.at("/data/audioId").asText());

    Reply reprocess = api.post("/api/v1/audios/" + audioId + "/reprocess", operator.accessToken(), Map.of());
    assertEquals(202, reprocess.status());
    awaitSecondTranscription();
    assertEquals(1, api.get("/api/v1/alerts?audioId=" + audioId, operator.accessToken()).body().get("total").asLong(),
        "reprocessing does not raise the same alert twice");
    RECEIVER.verify(1, postRequestedFor(urlEqualTo("/crm/vocero")));
  }

  private JsonNode awaitDelivered(String webhookId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode page = null;
    while (Instant.now().isBefore(deadline)) {
      page = api.get("/api/v1/webhooks/" + webhookId + "/deliveries", operator.accessToken()).body();
      if (page.get("total").asLong() > 0 && page.get("items").get(0).get("status").asText().equals("delivered")) {
        return page.get("items").get(0);
      }
      pause();
    }
    throw new AssertionError("the alert was never delivered: " + page);
  }

  private void awaitSecondTranscription() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (SPEECH.findAll(postRequestedFor(urlEqualTo(SpeechStub.PATH))).size() >= 2
          && api.get("/api/v1/audios", operator.accessToken()).body().get("items").get(0).get("status").asText().equals("completed")) {
        return;
      }
      pause();
    }
    throw new AssertionError("reprocessing never completed");
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
