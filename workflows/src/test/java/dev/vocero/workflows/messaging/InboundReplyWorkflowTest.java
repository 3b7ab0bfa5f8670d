package dev.vocero.workflows.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.messaging.ReplyActivities.ComposedReply;
import dev.vocero.workflows.messaging.ReplyActivities.Decision;
import dev.vocero.workflows.messaging.ReplyActivities.InboundMessage;
import dev.vocero.workflows.messaging.ReplyActivities.RecordedMessage;
import dev.vocero.workflows.messaging.ReplyActivities.ReplyOutcome;
import dev.vocero.workflows.messaging.ReplyActivities.ReplyPlan;
import dev.vocero.workflows.messaging.ReplyActivities.SendReply;
import dev.vocero.workflows.messaging.ReplyActivities.Sent;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InboundReplyWorkflowTest {
  private static final InboundMessage MESSAGE = new InboundMessage(UUID.fromString(
      "00000000-0000-0000-0000-00000000000a"), UUID.fromString("00000000-0000-0000-0000-0000000000b1"));

  @RegisterExtension
  final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder().setDoNotStart(true).build();

  private final Fake fake = new Fake();
  private InboundReplyWorkflow workflow;

  /** Records what the workflow asked for; the model fails {@code modelFailures} times with a retryable error first. */
  static final class Fake implements ReplyActivities {
    Decision decision = Decision.REPLY;
    ComposedReply composed = new ComposedReply("Su saldo es 150.000.", false);
    int modelFailures;
    final AtomicInteger composeCalls = new AtomicInteger();
    final List<String> steps = new CopyOnWriteArrayList<>();
    final List<SendReply> sent = new CopyOnWriteArrayList<>();

    @Override
    public ReplyPlan decide(InboundMessage message) {
      steps.add("decide");
      return new ReplyPlan(decision);
    }

    @Override
    public ComposedReply compose(InboundMessage message) {
      steps.add("compose");
      if (composeCalls.incrementAndGet() <= modelFailures) {
        throw ApplicationFailure.newFailure("model busy", MODEL_RETRYABLE);
      }
      return composed;
    }

    @Override
    public void handOff(InboundMessage message) {
      steps.add("handOff");
    }

    @Override
    public ReplyOutcome send(SendReply reply) {
      steps.add("send");
      sent.add(reply);
      return new ReplyOutcome(Decision.REPLY, Sent.SENT, MessagingIds.replyMessageId(reply.inboundMessageId()));
    }

    @Override
    public Sent sendRecorded(RecordedMessage message) {
      steps.add("sendRecorded");
      return Sent.SENT;
    }
  }

  @BeforeEach
  void setUp(TestWorkflowEnvironment env) {
    env.newWorker(TaskQueues.WORKFLOWS).registerWorkflowImplementationTypes(InboundReplyWorkflowImpl.class);
    for (String queue : List.of(TaskQueues.IO, TaskQueues.AI, TaskQueues.TELEPHONY)) {
      env.newWorker(queue).registerActivitiesImplementations(fake);
    }
    env.start();
    workflow = env.getWorkflowClient().newWorkflowStub(InboundReplyWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(MessagingIds.inboundReplyWorkflowId(MESSAGE.messageId())).setTaskQueue(TaskQueues.WORKFLOWS)
        .build());
  }

  @Test
  void givenABusyModel_whenReplying_itShouldRetryTheModelAndSendItsTextOnce() {
    fake.modelFailures = 2;
    ReplyOutcome outcome = workflow.reply(MESSAGE);
    assertEquals(Sent.SENT, outcome.sent());
    assertEquals(MessagingIds.replyMessageId(MESSAGE.messageId()), outcome.replyMessageId());
    assertEquals(3, fake.composeCalls.get());
    assertEquals(List.of(new SendReply(MESSAGE.orgId(), MESSAGE.messageId(), "Su saldo es 150.000.")), fake.sent);
  }

  @Test
  void givenTheModelAsksForAPerson_whenReplying_itShouldHandOffAndSendNothing() {
    fake.composed = new ComposedReply("", true);
    assertEquals(Decision.HANDED_OFF, workflow.reply(MESSAGE).decision());
    assertEquals(List.of("decide", "compose", "handOff"), fake.steps);
  }

  @Test
  void givenATakenOverConversation_whenReplying_itShouldNeitherAskTheModelNorSend() {
    fake.decision = Decision.TAKEN_OVER;
    assertEquals(new ReplyOutcome(Decision.TAKEN_OVER, null, null), workflow.reply(MESSAGE));
    assertEquals(List.of("decide"), fake.steps);
  }
}
