package dev.vocero.workflows.alerts;

import dev.vocero.workflows.audio.AudioFailure;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import dev.vocero.workflows.common.WorkflowLabels;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.ChildWorkflowOptions;
import java.time.Duration;
import java.util.UUID;

/** Timeouts and retries of alert evaluation and webhook delivery. */
public final class AlertActivityOptions {

  private AlertActivityOptions() {}

  public static ActivityOptions raiseAlerts() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.IO)
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setMaximumInterval(Duration.ofSeconds(30))
            .setMaximumAttempts(5)
            .setDoNotRetry(AudioFailure.types())
            .build())
        .build();
  }

  /** About 7 hours of backoff (10 s doubling to 1 h) before giving up on a receiver. */
  static ActivityOptions deliver() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.IO)
        .setStartToCloseTimeout(Duration.ofSeconds(45))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(10))
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofHours(1))
            .setMaximumAttempts(15)
            .setDoNotRetry(AlertFailure.types())
            .build())
        .build();
  }

  static ActivityOptions giveUp() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.IO)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(30)).build())
        .build();
  }

  /** A delivery of an outbox event, started by the dispatcher rather than by a workflow; its ID makes a second start a no-op. */
  public static WorkflowOptions deliveryStart(UUID orgId, UUID deliveryId) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setWorkflowId(AlertIds.deliveryWorkflowId(deliveryId))
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, orgId.toString())
            .set(VoceroSearchAttributes.KIND, AlertIds.DELIVERY_KIND)
            .build())
        .build();
  }

  /** Abandoned: the delivery outlives the audio workflow that started it. */
  public static ChildWorkflowOptions delivery(UUID orgId, UUID deliveryId) {
    return WorkflowLabels.webhookDeliveryOfThisRecording().applyTo(ChildWorkflowOptions.newBuilder())
        .setWorkflowId(AlertIds.deliveryWorkflowId(deliveryId))
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, orgId.toString())
            .set(VoceroSearchAttributes.KIND, AlertIds.DELIVERY_KIND)
            .build())
        .build();
  }
}
