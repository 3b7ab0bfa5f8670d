package dev.vocero.workers.dev;

import dev.vocero.workflows.calls.CallBatchInput;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import dev.vocero.workflows.messaging.MessageWaveWorkflow;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.WaveInput;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.util.UUID;

/**
 * Starts a batch or wave workflow with an input rebuilt from PostgreSQL (the API only starts them from the beginning),
 * under the same ID, search attributes and REJECT_DUPLICATE: one that is in fact running is left alone.
 */
final class WorkflowRestarts {
  private final WorkflowClient client;

  WorkflowRestarts(WorkflowClient client) {
    this.client = client;
  }

  /** {@code campaignId}: the campaign the batch belongs to, or null. */
  void batch(CallBatchInput input, UUID campaignId) {
    SearchAttributes.Builder attributes = SearchAttributes.newBuilder()
        .set(VoceroSearchAttributes.ORG, input.orgId().toString())
        .set(VoceroSearchAttributes.KIND, CallIds.BATCH_KIND)
        .set(VoceroSearchAttributes.BATCH_ID, input.batchId().toString())
        .set(VoceroSearchAttributes.STATUS, input.paused() ? "paused" : "running");
    if (campaignId != null) {
      attributes.set(VoceroSearchAttributes.CAMPAIGN_ID, campaignId.toString());
    }
    CallBatchWorkflow workflow = client.newWorkflowStub(CallBatchWorkflow.class,
        options(CallIds.batchWorkflowId(input.batchId()), TaskQueues.BATCHES, attributes.build()));
    WorkflowClient.start(workflow::run, input);
  }

  void wave(WaveInput input) {
    MessageWaveWorkflow workflow = client.newWorkflowStub(MessageWaveWorkflow.class,
        options(MessagingIds.waveWorkflowId(input.waveId()), TaskQueues.WORKFLOWS, SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, input.orgId().toString())
            .set(VoceroSearchAttributes.KIND, MessagingIds.WAVE_KIND)
            .set(VoceroSearchAttributes.STATUS, input.progress().status().wire())
            .build()));
    WorkflowClient.start(workflow::run, input);
  }

  private static WorkflowOptions options(String workflowId, String taskQueue, SearchAttributes attributes) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(taskQueue)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(attributes)
        .build();
  }
}
