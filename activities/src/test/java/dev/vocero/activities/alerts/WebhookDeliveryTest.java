package dev.vocero.activities.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.alerts.AlertDao;
import dev.vocero.store.alerts.AlertRow;
import dev.vocero.store.alerts.DeliveryDao;
import dev.vocero.store.alerts.DeliveryRow;
import dev.vocero.store.alerts.WebhookRow;
import dev.vocero.store.audio.SegmentRow;
import dev.vocero.workflows.alerts.AlertIds;
import dev.vocero.workflows.alerts.AlertRequest;
import dev.vocero.workflows.alerts.DeliveryRequest;
import dev.vocero.workflows.alerts.DeliveryResult;
import dev.vocero.workflows.alerts.WebhookDeliveryWorkflow;
import dev.vocero.workflows.alerts.WebhookDeliveryWorkflowImpl;
import dev.vocero.workflows.common.TaskQueues;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery workflow with the real activity against a WireMock receiver; backoff is time-skipped. */
class WebhookDeliveryTest {
  private static final String QUEUE = "webhook-delivery-test";
  private static final String PATH = "/hooks/vocero";
  static Jdbi jdbi;
  static AlertFixtures fixtures;
  static final WireMockServer RECEIVER = new WireMockServer(wireMockConfig().dynamicPort());

  private TestWorkflowEnvironment env;

  @BeforeAll
  static void start() {
    jdbi = TestDatabase.fresh().jdbi();
    fixtures = new AlertFixtures(jdbi);
    RECEIVER.start();
  }

  @AfterAll
  static void stop() {
    RECEIVER.stop();
  }

  @BeforeEach
  void temporal() {
    RECEIVER.resetAll();
    env = TestWorkflowEnvironment.newInstance();
    Worker workflows = env.newWorker(QUEUE);
    workflows.registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
    env.newWorker(TaskQueues.IO).registerActivitiesImplementations(
        new WebhookActivitiesImpl(jdbi, Clock.systemUTC(), new dev.vocero.activities.net.PublicAddresses(true))); // WireMock: localhost
    env.start();
  }

  @AfterEach
  void close() {
    env.close();
  }

  /** One raised alert and one delivery to the receiver; returns {org, deliveryId, alertId}. */
  private record Raised(UUID org, UUID deliveryId, AlertRow alert, WebhookRow webhook) {}

  private Raised raise(boolean enabled) {
    UUID org = fixtures.organization();
    UUID audio = fixtures.transcribedAudio(org,
        List.of(new SegmentRow(0, 1500, 4000, "Cliente", "Hablaré con mi abogado.", null)));
    fixtures.rule(org, "keyword", "abogado", null, "high");
    WebhookRow webhook = fixtures.webhook(org, RECEIVER.baseUrl() + PATH, enabled);
    List<UUID> pending = new AlertActivitiesImpl(jdbi, SentimentSource.NONE)
        .raiseAlerts(new AlertRequest(org, audio)).pendingDeliveries();
    AlertRow alert = jdbi.onDemand(AlertDao.class).list(org, null, null, audio, 10, 0).get(0);
    return new Raised(org, pending.isEmpty() ? null : pending.get(0), alert, webhook);
  }

  private DeliveryResult deliver(UUID org, UUID deliveryId) {
    WebhookDeliveryWorkflow workflow = env.getWorkflowClient().newWorkflowStub(WebhookDeliveryWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(AlertIds.deliveryWorkflowId(deliveryId)).build());
    return workflow.deliver(new DeliveryRequest(org, deliveryId));
  }

  private DeliveryRow row(Raised raised) {
    return jdbi.onDemand(DeliveryDao.class).find(raised.org(), raised.deliveryId()).orElseThrow();
  }

  @Test
  void givenAReceiverInsideThePrivateNetwork_itShouldRefuseTheDeliveryWithoutSendingAndNotRetry() {
    RECEIVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
    Raised raised = raise(true);
    WebhookActivitiesImpl guarded = new WebhookActivitiesImpl(jdbi, Clock.systemUTC(), new dev.vocero.activities.net.PublicAddresses(false));

    io.temporal.failure.ApplicationFailure refused = org.junit.jupiter.api.Assertions.assertThrows(
        io.temporal.failure.ApplicationFailure.class, () -> guarded.deliver(new DeliveryRequest(raised.org(),
            raised.deliveryId())));

    assertTrue(refused.isNonRetryable(), "a private receiver is not tried again: " + refused.getType());
    assertEquals(0, RECEIVER.findAll(postRequestedFor(urlEqualTo(PATH))).size(), "nothing posted into the network");
    DeliveryRow row = row(raised);
    assertEquals("failed", row.status());
    assertTrue(row.lastError().contains("private network"), row.lastError());
  }

  @Test
  void givenAReceiverThatFailsOnce_itShouldRetryWithTheSameDeliveryIdAndAVerifiableSignature() throws Exception {
    RECEIVER.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withBody("database is restarting")).willSetStateTo("up"));
    RECEIVER.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(204)));
    Raised raised = raise(true);

    assertEquals("delivered", deliver(raised.org(), raised.deliveryId()).status());

    List<LoggedRequest> requests = RECEIVER.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertEquals(2, requests.size());
    for (LoggedRequest request : requests) {
      assertEquals(raised.deliveryId().toString(), request.getHeader("Vocero-Delivery"));
      assertEquals("alert.raised", request.getHeader("Vocero-Event"));
      assertTrue(WebhookSignature.verify(request.getHeader("Vocero-Signature"), request.getBodyAsString(),
          raised.webhook().secret(), Instant.now(), Duration.ofMinutes(5)), "a receiver can verify the signature");
      assertFalse(WebhookSignature.verify(request.getHeader("Vocero-Signature"), request.getBodyAsString(),
          "whsec_wrong", Instant.now(), Duration.ofMinutes(5)));
      assertFalse(WebhookSignature.verify(request.getHeader("Vocero-Signature"), request.getBodyAsString() + " ",
          raised.webhook().secret(), Instant.now(), Duration.ofMinutes(5)), "a changed body fails verification");
    }
    assertEquals(requests.get(0).getBodyAsString(), requests.get(1).getBodyAsString(), "every attempt sends the same event");
    JsonNode event = new ObjectMapper().readTree(requests.get(0).getBodyAsString());
    assertEquals(AlertIds.alertRaisedEventId(raised.alert().id()).toString(), event.get("id").asText());
    assertEquals("alert.raised", event.get("type").asText());
    assertEquals(raised.alert().createdAt().getEpochSecond(), event.get("created").asLong());
    assertEquals(raised.alert().id().toString(), event.at("/data/id").asText());
    assertEquals("Hablaré con mi abogado.", event.at("/data/evidence").asText());
    assertEquals(1500, event.at("/data/startMs").asLong());
    assertEquals("high", event.at("/data/severity").asText());
    DeliveryRow row = row(raised);
    assertEquals("delivered", row.status());
    assertEquals(2, row.attempts());
    assertEquals(204, row.lastStatusCode());
    assertNull(row.lastError());
  }

  @Test
  void givenAReceiverThatAnswers400_itShouldNotRetryAndRecordTheRefusal() {
    RECEIVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"unknown field\"}")));
    Raised raised = raise(true);

    assertEquals("failed", deliver(raised.org(), raised.deliveryId()).status());

    RECEIVER.verify(1, postRequestedFor(urlEqualTo(PATH)));
    DeliveryRow row = row(raised);
    assertEquals("failed", row.status());
    assertEquals(1, row.attempts());
    assertEquals(400, row.lastStatusCode());
    assertEquals("receiver answered 400: {\"error\":\"unknown field\"}", row.lastError());
  }

  @Test
  void givenATooManyRequestsAnswer_itShouldRetryAfterTheDelayTheReceiverAsked() {
    RECEIVER.stubFor(post(urlEqualTo(PATH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")).willSetStateTo("free"));
    RECEIVER.stubFor(post(urlEqualTo(PATH)).inScenario("busy").whenScenarioStateIs("free")
        .willReturn(aResponse().withStatus(200)));
    Raised raised = raise(true);
    long started = env.currentTimeMillis();

    assertEquals("delivered", deliver(raised.org(), raised.deliveryId()).status());

    RECEIVER.verify(2, postRequestedFor(urlEqualTo(PATH)));
    assertTrue(env.currentTimeMillis() - started >= 120_000, "waited the 120 s the receiver asked for");
  }

  @Test
  void givenAWebhookDisabledBeforeDelivery_itShouldSendNothing() {
    Raised raised = raise(true);
    jdbi.useHandle(h -> h.execute("update outbound_webhooks set enabled = false where id = ?", raised.webhook().id()));

    assertEquals("skipped", deliver(raised.org(), raised.deliveryId()).status());

    RECEIVER.verify(0, postRequestedFor(urlEqualTo(PATH)));
    assertEquals("failed", row(raised).status());
    assertEquals("webhook disabled before delivery", row(raised).lastError());
  }
}
