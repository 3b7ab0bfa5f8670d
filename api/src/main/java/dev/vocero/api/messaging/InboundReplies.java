package dev.vocero.api.messaging;

import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import dev.vocero.workflows.messaging.InboundReplyWorkflow;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.ReplyActivities.InboundMessage;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.util.UUID;

/** Starts the automatic reply to one stored inbound message; a second start for the same message is a no-op. */
public class InboundReplies {
  private final WorkflowClient client;

  public InboundReplies(WorkflowClient client) {
    this.client = client;
  }

  /** @throws RuntimeException when Temporal cannot be reached (the inbound message is already stored) */
  public void start(UUID orgId, UUID inboundMessageId) {
    InboundReplyWorkflow workflow = client.newWorkflowStub(InboundReplyWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(MessagingIds.inboundReplyWorkflowId(inboundMessageId))
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, orgId.toString())
            .set(VoceroSearchAttributes.KIND, MessagingIds.REPLY_KIND)
            .build())
        .build());
    try {
      WorkflowClient.start(workflow::reply, new InboundMessage(orgId, inboundMessageId));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Twilio re-delivered the webhook: the first delivery's workflow answers
    }
  }
}
