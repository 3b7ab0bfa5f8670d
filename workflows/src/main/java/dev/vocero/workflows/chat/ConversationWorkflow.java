package dev.vocero.workflows.chat;

import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One chat over the organization's transcripts: each question is an {@code ask} update answered synchronously. */
@WorkflowInterface
public interface ConversationWorkflow {

  @WorkflowMethod(name = "Conversation")
  void run(ConversationInput input);

  @UpdateMethod(name = "ask")
  ChatAnswer ask(ChatQuestion question);

  @UpdateValidatorMethod(updateName = "ask")
  void validateAsk(ChatQuestion question);
}
