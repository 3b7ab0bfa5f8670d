package dev.vocero.api.messaging;

import dev.vocero.api.errors.TemporalErrors;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import dev.vocero.workflows.messaging.InboundReplyWorkflow;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.OperatorMessageWorkflow;
import dev.vocero.workflows.messaging.ReplyActivities.InboundMessage;
import dev.vocero.workflows.messaging.ReplyActivities.RecordedMessage;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.common.SearchAttributes;
import java.util.UUID;

/** The API's door to conversation workflows: the assistant's reply to an inbound message, an operator's message. */
public class ConversationReplies {
  private final WorkflowClient client;

  public ConversationReplies(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Starts the automatic reply to one stored inbound message; a second start for the same message is a no-op.
   *
   * @throws RuntimeException when Temporal cannot be reached (the inbound message is already stored)
   */
  public void startAutomatic(UUID orgId, UUID inboundMessageId) {
    InboundReplyWorkflow workflow = client.newWorkflowStub(InboundReplyWorkflow.class,
        options(orgId, MessagingIds.inboundReplyWorkflowId(inboundMessageId), MessagingIds.REPLY_KIND));
    try {
      WorkflowClient.start(workflow::reply, new InboundMessage(orgId, inboundMessageId));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Twilio re-delivered the webhook: the first delivery's workflow answers
    }
  }

  /** Sends a recorded operator message; 503 (ApiException) when Temporal cannot be reached. */
  public void startOperator(UUID orgId, UUID messageId) {
    OperatorMessageWorkflow workflow = client.newWorkflowStub(OperatorMessageWorkflow.class,
        options(orgId, MessagingIds.operatorMessageWorkflowId(messageId), MessagingIds.OPERATOR_KIND));
    try {
      WorkflowClient.start(workflow::send, new RecordedMessage(orgId, messageId));
    } catch (WorkflowServiceException | StatusRuntimeException e) {
      throw TemporalErrors.unavailable("The workflow engine (Temporal) is not reachable right now; the message was"
          + " not sent. Try again shortly.");
    }
  }

  private static WorkflowOptions options(UUID orgId, String workflowId, String kind) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, orgId.toString())
            .set(VoceroSearchAttributes.KIND, kind)
            .build())
        .build();
  }
}
