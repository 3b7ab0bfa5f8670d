package dev.vocero.workflows.audio;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.vocero.workflows.alerts.AlertActivities;
import dev.vocero.workflows.alerts.AlertResult;
import dev.vocero.workflows.alerts.WebhookActivities;
import dev.vocero.workflows.alerts.WebhookDeliveryWorkflowImpl;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Fixtures shared by the audio workflow tests. */
final class AudioTestSupport {
  static final UUID ORG = UUID.fromString("6f1c2a9e-8d3b-4c57-9e0a-1b2c3d4e5f60");
  static final UUID AUDIO = UUID.fromString("0b7e4f1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b");
  static final String WORKFLOW_ID = AudioIds.workflowId(AUDIO);
  static final AudioProcessingInput INPUT = new AudioProcessingInput(ORG, AUDIO, "es");
  static final TranscriptionResult TRANSCRIPT = new TranscriptionResult(12, 61_000, "es", "fake-speech");
  static final OpportunityResult OPPORTUNITIES = new OpportunityResult(3);
  static final ExtractionPlan TWO_EXTRACTORS =
      new ExtractionPlan(List.of(new ExtractorRef("sentiment", 1), new ExtractorRef("payment_promise", 2)), null);

  private AudioTestSupport() {}

  /** Not started: each test class registers the activity workers first, then calls {@link #start}. */
  static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder builder =
        TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(AudioProcessingWorkflowImpl.class, WebhookDeliveryWorkflowImpl.class)
            .setDoNotStart(true);
    for (SearchAttributeKey<String> key : VoceroSearchAttributes.ALL) {
      builder.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    return builder.build();
  }

  static AudioActivities mockActivities() {
    return mock(AudioActivities.class, withSettings().withoutAnnotations());
  }

  /** Alert rules that never fire. */
  static AlertActivities mockAlerts() {
    return mock(AlertActivities.class,
        withSettings().withoutAnnotations().defaultAnswer(invocation -> new AlertResult(0, List.of())));
  }

  static WebhookActivities mockWebhooks() {
    return mock(WebhookActivities.class, withSettings().withoutAnnotations());
  }

  /** Extraction that plans nothing (as with no extractor enabled). */
  static ExtractionActivities mockExtraction() {
    ExtractionActivities extraction = mock(ExtractionActivities.class, withSettings().withoutAnnotations());
    when(extraction.planExtractions(any())).thenReturn(new ExtractionPlan(List.of(), null));
    return extraction;
  }

  /**
   * Activities run on the AI and IO queues; status writes, and since audio-local-database-steps opportunities, the
   * extraction plan and the alert rules, as local activities on the workflow worker.
   */
  static void start(TestWorkflowEnvironment env, Worker workflowWorker, AudioActivities activities) {
    start(env, workflowWorker, activities, mockExtraction(), mockAlerts(), mockWebhooks());
  }

  static void start(TestWorkflowEnvironment env, Worker workflowWorker, AudioActivities activities,
      ExtractionActivities extraction) {
    start(env, workflowWorker, activities, extraction, mockAlerts(), mockWebhooks());
  }

  static void start(TestWorkflowEnvironment env, Worker workflowWorker, AudioActivities activities,
      AlertActivities alerts, WebhookActivities webhooks) {
    start(env, workflowWorker, activities, mockExtraction(), alerts, webhooks);
  }

  static void start(TestWorkflowEnvironment env, Worker workflowWorker, AudioActivities activities,
      ExtractionActivities extraction, AlertActivities alerts, WebhookActivities webhooks) {
    workflowWorker.registerActivitiesImplementations(activities, extraction, alerts);
    env.newWorker(TaskQueues.AI).registerActivitiesImplementations(activities, extraction);
    env.newWorker(TaskQueues.IO).registerActivitiesImplementations(activities, extraction, alerts, webhooks);
    env.start();
  }

  static AudioStatusChange change(AudioStatus status, String reason) {
    return new AudioStatusChange(ORG, AUDIO, status, reason);
  }

  static String statusAttribute(WorkflowClient client, String workflowId) {
    return client
        .newUntypedWorkflowStub(workflowId)
        .describe()
        .getTypedSearchAttributes()
        .get(VoceroSearchAttributes.STATUS);
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out waiting for the activity");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Blocks an activity until the test releases it; a cancelled activity keeps running until then. */
  static void hold(CountDownLatch release) {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
