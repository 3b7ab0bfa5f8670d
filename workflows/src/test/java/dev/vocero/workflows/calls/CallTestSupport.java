package dev.vocero.workflows.calls;

import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Fixtures shared by the call workflow tests. */
final class CallTestSupport {
  static final UUID ORG = UUID.fromString("6f1c2a9e-8d3b-4c57-9e0a-1b2c3d4e5f60");
  static final UUID BATCH = UUID.fromString("3c9d1e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
  static final String BATCH_WORKFLOW_ID = CallIds.batchWorkflowId(BATCH);
  static final long HOUR = Duration.ofHours(1).toMillis();

  private CallTestSupport() {}

  /** Not started: workers for the Vocero task queues are registered by {@link #start}. */
  static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder builder = TestWorkflowExtension.newBuilder().setDoNotStart(true);
    for (SearchAttributeKey<String> key : VoceroSearchAttributes.ALL) {
      builder.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    return builder.build();
  }

  /** Both workflows on the workflow queue (children are started there), the fake on IO and TELEPHONY. */
  static void start(TestWorkflowEnvironment env, FakeCallCenter center) {
    start(env, center, new FakeCredits(2));
  }

  /** With credits: unlimited unless {@code credits} is enforced. */
  static void start(TestWorkflowEnvironment env, FakeCallCenter center, FakeCredits credits) {
    Worker workflows = env.newWorker(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(CallBatchWorkflowImpl.class, ContactCallWorkflowImpl.class,
        FakeAudioWorkflow.class);
    // local activities run in the workflow worker
    workflows.registerActivitiesImplementations(center, credits, new FakeCallAttempts(center, credits));
    for (String queue : List.of(TaskQueues.IO, TaskQueues.TELEPHONY)) {
      env.newWorker(queue).registerActivitiesImplementations(center);
    }
    env.start();
  }

  static BatchSettings settings(double callsPerSecond, int maxConcurrentCalls, int maxAttempts,
      Map<String, Long> retryDelaySeconds, long answerTimeoutSeconds) {
    return new BatchSettings(callsPerSecond, maxConcurrentCalls, maxAttempts, retryDelaySeconds, "US", List.of(), 3,
        answerTimeoutSeconds, 0);
  }

  static ContactCallInput contactInput(long contactId, BatchSettings settings) {
    return new ContactCallInput(ORG, BATCH, contactId, settings);
  }

  /** A contact of a batch started again from PostgreSQL after a restart. */
  static ContactCallInput resumedContactInput(long contactId, BatchSettings settings) {
    return new ContactCallInput(ORG, BATCH, contactId, settings, true);
  }

  static ContactCallWorkflow contactStub(WorkflowClient client, long contactId) {
    return client.newWorkflowStub(ContactCallWorkflow.class, options(CallIds.contactWorkflowId(BATCH, contactId)));
  }

  /** Started the way the API starts batches. */
  static CallBatchWorkflow batchStub(WorkflowClient client) {
    WorkflowOptions options = options(BATCH_WORKFLOW_ID).toBuilder()
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, ORG.toString())
            .set(VoceroSearchAttributes.KIND, CallIds.BATCH_KIND)
            .set(VoceroSearchAttributes.BATCH_ID, BATCH.toString())
            .set(VoceroSearchAttributes.STATUS, "running")
            .build())
        .build();
    return client.newWorkflowStub(CallBatchWorkflow.class, options);
  }

  static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(TaskQueues.WORKFLOWS).build();
  }

  static String statusAttribute(WorkflowClient client, String workflowId) {
    return client.newUntypedWorkflowStub(workflowId).describe().getTypedSearchAttributes()
        .get(VoceroSearchAttributes.STATUS);
  }

  static List<HistoryEvent> history(WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getHistory().getEventsList();
  }

  static List<HistoryEvent> history(WorkflowClient client, String workflowId, String runId) {
    return client.fetchHistory(workflowId, runId).getHistory().getEventsList();
  }

  /**
   * Workflow time at which each child start was decided: {@code Workflow.currentTimeMillis()} is the
   * start time of the workflow task whose completion initiated the child.
   */
  static List<Long> childStartDecisionTimes(List<HistoryEvent> events) {
    List<Long> times = new ArrayList<>();
    long taskStarted = 0;
    for (HistoryEvent event : events) {
      if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) {
        taskStarted = com.google.protobuf.util.Timestamps.toMillis(event.getEventTime());
      } else if (event.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED) {
        times.add(taskStarted);
      }
    }
    return times;
  }

  static long count(List<HistoryEvent> events, EventType type) {
    return events.stream().filter(e -> e.getEventType() == type).count();
  }

  /** Polls (in wall time, while Temporal's time stays locked) until the condition holds. */
  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
