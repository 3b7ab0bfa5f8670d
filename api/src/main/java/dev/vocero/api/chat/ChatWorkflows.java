package dev.vocero.api.chat;

import dev.vocero.api.errors.ApiException;
import dev.vocero.api.errors.TemporalErrors;
import dev.vocero.workflows.chat.ChatAnswer;
import dev.vocero.workflows.chat.ChatIds;
import dev.vocero.workflows.chat.ChatQuestion;
import dev.vocero.workflows.chat.ConversationInput;
import dev.vocero.workflows.chat.ConversationWorkflow;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;

/** The API's door to conversation workflows: ask, starting the conversation when it is not running. */
public class ChatWorkflows {
  private final WorkflowClient client;

  public ChatWorkflows(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Asks on the running conversation, or starts it with {@code input} (its memory read from PostgreSQL)
   * and asks; waits for the answer.
   */
  public ChatAnswer ask(ConversationInput input, String question) {
    ConversationWorkflow workflow = client.newWorkflowStub(ConversationWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(ChatIds.workflowId(input.conversationId()))
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, input.orgId().toString())
            .set(VoceroSearchAttributes.KIND, ChatIds.KIND)
            .build())
        .build());
    WithStartWorkflowOperation<?> start = new WithStartWorkflowOperation<>(workflow::run, input);
    try {
      return WorkflowClient.executeUpdateWithStart(workflow::ask, new ChatQuestion(question),
          UpdateOptions.<ChatAnswer>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(), start);
    } catch (WorkflowUpdateException e) {
      throw rejected(e);
    } catch (WorkflowServiceException | StatusRuntimeException e) {
      throw TemporalErrors.unavailable("The workflow engine (Temporal) is not reachable right now; the question was not"
          + " answered. Try again shortly.");
    }
  }

  /** The validator's rejections are the client's fault; anything else failed while answering. */
  private static ApiException rejected(WorkflowUpdateException e) {
    String message = TemporalErrors.rootMessage(e);
    if (e.getCause() instanceof ApplicationFailure app && app.getType().endsWith("IllegalArgumentException")) {
      return ApiException.unprocessable("invalid_question", "The question was not accepted: " + message);
    }
    return TemporalErrors.unavailable("The question could not be answered right now (" + message + "). Try again shortly.");
  }
}
