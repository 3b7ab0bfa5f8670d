package dev.vocero.workflows.messaging;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A message an operator wrote in a conversation, sent durably and effectively once. */
@WorkflowInterface
public interface OperatorMessageWorkflow {

  @WorkflowMethod(name = "OperatorMessage")
  ReplyActivities.Sent send(ReplyActivities.RecordedMessage message);
}
