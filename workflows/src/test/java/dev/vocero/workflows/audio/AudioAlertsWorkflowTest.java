package dev.vocero.workflows.audio;

import static dev.vocero.workflows.audio.AudioTestSupport.AUDIO;
import static dev.vocero.workflows.audio.AudioTestSupport.INPUT;
import static dev.vocero.workflows.audio.AudioTestSupport.OPPORTUNITIES;
import static dev.vocero.workflows.audio.AudioTestSupport.ORG;
import static dev.vocero.workflows.audio.AudioTestSupport.TRANSCRIPT;
import static dev.vocero.workflows.audio.AudioTestSupport.WORKFLOW_ID;
import static dev.vocero.workflows.audio.AudioTestSupport.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.vocero.workflows.alerts.AlertActivities;
import dev.vocero.workflows.alerts.AlertFailure;
import dev.vocero.workflows.alerts.AlertIds;
import dev.vocero.workflows.alerts.AlertRequest;
import dev.vocero.workflows.alerts.AlertResult;
import dev.vocero.workflows.alerts.DeliveryGiveUp;
import dev.vocero.workflows.alerts.DeliveryRequest;
import dev.vocero.workflows.alerts.DeliveryResult;
import dev.vocero.workflows.alerts.WebhookActivities;
import dev.vocero.workflows.audio.AudioFailure;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** The alerts step of the audio workflow and the delivery workflows it starts, with time skipping. */
class AudioAlertsWorkflowTest {
  private static final UUID FIRST = UUID.fromString("11111111-2222-4333-8444-555555555555");
  private static final UUID SECOND = UUID.fromString("66666666-7777-4888-9999-aaaaaaaaaaaa");

  @RegisterExtension
  final TestWorkflowExtension temporal = AudioTestSupport.extension();

  private final AudioActivities activities = AudioTestSupport.mockActivities();
  private final AlertActivities alerts = AudioTestSupport.mockAlerts();
  private final WebhookActivities webhooks = AudioTestSupport.mockWebhooks();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private WorkflowOptions options;
  private AudioProcessingWorkflow workflow;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, WorkflowOptions options, Worker worker) {
    AudioTestSupport.start(env, worker, activities, alerts, webhooks);
    this.env = env;
    this.options = options;
    client = env.getWorkflowClient();
    workflow = client.newWorkflowStub(
        AudioProcessingWorkflow.class, options.toBuilder().setWorkflowId(WORKFLOW_ID).build());
    when(activities.transcribe(any())).thenReturn(TRANSCRIPT);
    when(activities.findOpportunities(any())).thenReturn(OPPORTUNITIES);
  }

  @Test
  void givenRulesThatFire_whenProcessed_itShouldRaiseAlertsBeforeCompletingAndDeliverEachPendingDelivery() {
    when(alerts.raiseAlerts(any())).thenReturn(new AlertResult(2, List.of(FIRST, SECOND)));
    when(webhooks.deliver(any())).thenReturn(new DeliveryResult("delivered"));

    assertEquals(AudioStatus.COMPLETED, workflow.process(INPUT).status());

    InOrder order = inOrder(activities, alerts);
    order.verify(activities).findOpportunities(any());
    order.verify(alerts).raiseAlerts(new AlertRequest(ORG, AUDIO));
    // a status write is a local activity: under load a workflow task may time out and run it again (idempotent)
    order.verify(activities, atLeastOnce()).recordStatus(change(AudioStatus.COMPLETED, null));
    assertEquals("delivered", deliveryResult(FIRST).status());
    assertEquals("delivered", deliveryResult(SECOND).status());
    verify(webhooks).deliver(new DeliveryRequest(ORG, FIRST));
    verify(webhooks).deliver(new DeliveryRequest(ORG, SECOND));
    verify(webhooks, never()).giveUp(any());
  }

  @Test
  void givenAReceiverDownForAWhile_whenDelivering_itShouldRetryWithBackoffUntilItAnswers() {
    when(alerts.raiseAlerts(any())).thenReturn(new AlertResult(1, List.of(FIRST)));
    when(webhooks.deliver(any()))
        .thenThrow(ApplicationFailure.newFailure("receiver answered 503", "WebhookRetryable"))
        .thenThrow(ApplicationFailure.newFailure("receiver answered 503", "WebhookRetryable"))
        .thenThrow(ApplicationFailure.newFailure("connection refused", "WebhookRetryable"))
        .thenReturn(new DeliveryResult("delivered"));
    long started = env.currentTimeMillis();

    workflow.process(INPUT);

    assertEquals("delivered", deliveryResult(FIRST).status());
    verify(webhooks, times(4)).deliver(new DeliveryRequest(ORG, FIRST));
    verify(webhooks, never()).giveUp(any());
    // 10 s, 20 s, 40 s of backoff: durable timers, skipped here
    assertTrue(env.currentTimeMillis() - started >= Duration.ofSeconds(70).toMillis());
  }

  @Test
  void givenAReceiverThatRejectsTheRequest_whenDelivering_itShouldNotRetry() {
    when(alerts.raiseAlerts(any())).thenReturn(new AlertResult(1, List.of(FIRST)));
    when(webhooks.deliver(any())).thenThrow(AlertFailure.WEBHOOK_REJECTED.failure("receiver answered 400"));

    workflow.process(INPUT);

    assertEquals("failed", deliveryResult(FIRST).status());
    verify(webhooks, times(1)).deliver(any());
    ArgumentCaptor<DeliveryGiveUp> giveUp = ArgumentCaptor.forClass(DeliveryGiveUp.class);
    verify(webhooks).giveUp(giveUp.capture());
    assertNull(giveUp.getValue().reason(), "the activity already recorded the 400");
  }

  @Test
  void givenAReceiverThatNeverAnswers_whenRetriesRunOut_itShouldRecordTheDeliveryAsFailed() {
    when(alerts.raiseAlerts(any())).thenReturn(new AlertResult(1, List.of(FIRST)));
    when(webhooks.deliver(any())).thenThrow(ApplicationFailure.newFailure("receiver answered 502", "WebhookRetryable"));

    workflow.process(INPUT);

    assertEquals("failed", deliveryResult(FIRST).status());
    verify(webhooks, times(15)).deliver(any());
    ArgumentCaptor<DeliveryGiveUp> giveUp = ArgumentCaptor.forClass(DeliveryGiveUp.class);
    verify(webhooks).giveUp(giveUp.capture());
    assertEquals(new DeliveryGiveUp(ORG, FIRST, "gave up after the last retry: receiver answered 502"), giveUp.getValue());
  }

  @Test
  void givenADeliveryAlreadyInProgress_whenAnotherRunFindsItPending_itShouldNotStartItTwice() {
    CountDownLatch delivering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    when(alerts.raiseAlerts(any())).thenReturn(new AlertResult(1, List.of(FIRST)));
    when(webhooks.deliver(any())).thenAnswer(invocation -> {
      delivering.countDown();
      AudioTestSupport.hold(release);
      return new DeliveryResult("delivered");
    });
    workflow.process(INPUT);
    AudioTestSupport.await(delivering);

    // a second audio run (a reprocess, or a restart of dev) finds the same delivery still pending
    AudioProcessingWorkflow again = client.newWorkflowStub(AudioProcessingWorkflow.class,
        options.toBuilder().setWorkflowId(WORKFLOW_ID + ":again").build());
    assertEquals(AudioStatus.COMPLETED, again.process(INPUT).status());
    release.countDown();

    assertEquals("delivered", deliveryResult(FIRST).status());
    verify(webhooks, times(1)).deliver(any());
  }

  @Test
  void givenTheAlertsStepFails_whenProcessed_itShouldFailTheAudioWithTheReason() {
    when(alerts.raiseAlerts(any())).thenThrow(AudioFailure.AUDIO_NOT_FOUND.failure("audio gone"));

    AudioProcessingResult result = workflow.process(INPUT);

    assertEquals(AudioStatus.FAILED, result.status());
    assertEquals("audio gone", result.failureReason());
    verify(webhooks, never()).deliver(any());
  }

  private DeliveryResult deliveryResult(UUID deliveryId) {
    return client.newUntypedWorkflowStub(AlertIds.deliveryWorkflowId(deliveryId)).getResult(DeliveryResult.class);
  }
}
