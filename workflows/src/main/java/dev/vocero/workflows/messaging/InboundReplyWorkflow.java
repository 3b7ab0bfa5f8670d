package dev.vocero.workflows.messaging;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The assistant's answer to one inbound message: decide, compose with the language model, send once. */
@WorkflowInterface
public interface InboundReplyWorkflow {

  @WorkflowMethod(name = "InboundReply")
  ReplyActivities.ReplyOutcome reply(ReplyActivities.InboundMessage message);
}
