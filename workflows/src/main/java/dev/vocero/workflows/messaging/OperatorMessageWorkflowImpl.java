package dev.vocero.workflows.messaging;

import dev.vocero.workflows.messaging.ReplyActivities.RecordedMessage;
import dev.vocero.workflows.messaging.ReplyActivities.Sent;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

/** One send with the reply's retry policy; a refusal or exhausted retries end it as REJECTED. */
public final class OperatorMessageWorkflowImpl implements OperatorMessageWorkflow {
  private final ReplyActivities sender = Workflow.newActivityStub(ReplyActivities.class, ReplyActivityOptions.send());

  @Override
  public Sent send(RecordedMessage message) {
    try {
      return sender.sendRecorded(message);
    } catch (ActivityFailure e) {
      return Sent.REJECTED;
    }
  }
}
