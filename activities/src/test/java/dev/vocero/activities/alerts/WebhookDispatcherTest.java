package dev.vocero.activities.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vocero.activities.net.PublicAddresses;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.alerts.DeliveryDao;
import dev.vocero.store.alerts.WebhookDao;
import dev.vocero.store.alerts.WebhookRow;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.workflows.alerts.WebhookDeliveryWorkflowImpl;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox's dispatcher with the real delivery workflow and activity: each delivery starts once, even raced. */
class WebhookDispatcherTest {
  private static final String PATH = "/hooks/events";
  static final ObjectMapper JSON = new ObjectMapper();
  static final WireMockServer RECEIVER = new WireMockServer(wireMockConfig().dynamicPort());
  static Jdbi jdbi;
  static AlertFixtures fixtures;
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
    RECEIVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
    env = TestWorkflowEnvironment.newInstance();
    VoceroSearchAttributes.ALL.forEach(key ->
        env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    env.newWorker(TaskQueues.WORKFLOWS).registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
    env.newWorker(TaskQueues.IO).registerActivitiesImplementations(
        new WebhookActivitiesImpl(jdbi, Clock.systemUTC(), new PublicAddresses(true))); // WireMock: localhost
    env.start();
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void givenTwoDispatchersRacing_whenAMessageFails_itShouldDeliverItsSignedEventOnceAndAReplayWithTheSameId()
      throws Exception {
    UUID org = fixtures.organization();
    WebhookRow webhook = new WebhookRow(UUID.randomUUID(), org, RECEIVER.baseUrl() + PATH, "whsec_" + UUID.randomUUID(),
        null, true, List.of(WebhookRow.MESSAGE_STATUS), null, null);
    jdbi.onDemand(WebhookDao.class).insert(webhook);
    UUID message = UUID.randomUUID();
    MessageDao messages = jdbi.onDemand(MessageDao.class);
    messages.insertOutbound(message, org, null, null, "+573001234567", "sms", "Hola", null, null, "pending", null);
    messages.advance(message, "failed", "21610");

    WebhookDispatcher one = new WebhookDispatcher(jdbi, env.getWorkflowClient());
    WebhookDispatcher two = new WebhookDispatcher(jdbi, env.getWorkflowClient());
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> one.dispatch(10));
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> two.dispatch(10));
    assertEquals(1, first.get() + second.get(), "the delivery is claimed by one dispatcher");

    LoggedRequest request = awaitRequests(1).get(0);
    assertTrue(WebhookSignature.verify(request.getHeader(WebhookSignature.HEADER), request.getBodyAsString(),
        webhook.secret(), Instant.now(), Duration.ofMinutes(5)));
    assertEquals("message.status", request.getHeader(WebhookActivitiesImpl.EVENT_HEADER));
    JsonNode event = JSON.readTree(request.getBodyAsString());
    assertEquals(org.toString(), event.get("organizationId").asText());
    assertEquals("failed", event.at("/data/status").asText());
    assertEquals("21610", event.at("/data/errorCode").asText());
    assertEquals("+57300•••4567", event.at("/data/phone").asText());
    UUID deliveryId = UUID.fromString(request.getHeader(WebhookActivitiesImpl.DELIVERY_HEADER));
    awaitDelivered(org, deliveryId);
    assertEquals(0, one.dispatch(10), "nothing left to start");

    UUID replay = UUID.randomUUID();
    assertEquals(1, jdbi.onDemand(DeliveryDao.class).insertReplay(org, webhook.id(), deliveryId, replay));
    assertEquals(1, one.dispatch(10));
    LoggedRequest again = awaitRequests(2).stream()
        .filter(r -> !deliveryId.toString().equals(r.getHeader(WebhookActivitiesImpl.DELIVERY_HEADER)))
        .findFirst().orElseThrow();
    assertEquals(replay.toString(), again.getHeader(WebhookActivitiesImpl.DELIVERY_HEADER), "a new delivery");
    assertEquals(event, JSON.readTree(again.getBodyAsString()), "the same event, the same id");
    awaitDelivered(org, replay);
  }

  private static List<LoggedRequest> awaitRequests(int count) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      List<LoggedRequest> got = RECEIVER.findAll(postRequestedFor(urlEqualTo(PATH)));
      if (got.size() >= count) {
        assertEquals(count, got.size(), "no duplicate deliveries");
        return got;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the receiver got fewer than " + count + " requests");
  }

  private static void awaitDelivered(UUID org, UUID deliveryId) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      if ("delivered".equals(jdbi.onDemand(DeliveryDao.class).find(org, deliveryId).orElseThrow().status())) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("delivery " + deliveryId + " was never recorded as delivered");
  }
}
