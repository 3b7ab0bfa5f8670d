package dev.vocero.workflows.messaging;

import dev.vocero.workflows.messaging.ReplyActivities.ComposedReply;
import dev.vocero.workflows.messaging.ReplyActivities.Decision;
import dev.vocero.workflows.messaging.ReplyActivities.InboundMessage;
import dev.vocero.workflows.messaging.ReplyActivities.ReplyOutcome;
import dev.vocero.workflows.messaging.ReplyActivities.SendReply;
import dev.vocero.workflows.messaging.ReplyActivities.Sent;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

/**
 * decide (settings, takeover, opt-out, daily cap, handoff keyword) → compose with the language model → send once, or
 * hand the conversation to a person when the model asks for one.
 */
public final class InboundReplyWorkflowImpl implements InboundReplyWorkflow {
  private final ReplyActivities io = Workflow.newActivityStub(ReplyActivities.class, ReplyActivityOptions.io());
  private final ReplyActivities model = Workflow.newActivityStub(ReplyActivities.class, ReplyActivityOptions.compose());
  private final ReplyActivities sender = Workflow.newActivityStub(ReplyActivities.class, ReplyActivityOptions.send());

  @Override
  public ReplyOutcome reply(InboundMessage message) {
    Decision decision = io.decide(message).decision();
    if (decision != Decision.REPLY) {
      return new ReplyOutcome(decision, null, null);
    }
    ComposedReply composed = model.compose(message);
    if (composed.handoff()) {
      io.handOff(message);
      return new ReplyOutcome(Decision.HANDED_OFF, null, null);
    }
    try {
      return sender.send(new SendReply(message.orgId(), message.messageId(), composed.text()));
    } catch (ActivityFailure e) {
      return new ReplyOutcome(Decision.REPLY, Sent.REJECTED, MessagingIds.replyMessageId(message.messageId()));
    }
  }
}
