package dev.vocero.workflows.chat;

import dev.vocero.workflows.common.WorkflowLabels;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Serves questions one at a time (a lock keeps turns in order), then continues as new with its memory
 * after {@code turnsPerRun} turns. After a day without questions it ends; the next question starts it
 * again with the memory the API reads from PostgreSQL.
 */
public final class ConversationWorkflowImpl implements ConversationWorkflow {
  static final Duration IDLE = Duration.ofHours(24);
  private static final Logger log = Workflow.getLogger(ConversationWorkflowImpl.class);

  private final ChatActivities retrieval = Workflow.newActivityStub(ChatActivities.class, ChatActivityOptions.retrieve());
  private final ChatActivities model = Workflow.newActivityStub(ChatActivities.class, ChatActivityOptions.answer());
  private final ChatActivities store = Workflow.newActivityStub(ChatActivities.class, ChatActivityOptions.recordTurn());
  private final WorkflowLock turnLock = Workflow.newWorkflowLock();
  private final ConversationInput input;
  private ChatMemory memory;
  private int turnsThisRun;

  @WorkflowInit
  public ConversationWorkflowImpl(ConversationInput input) {
    this.input = input;
    this.memory = input.memory();
  }

  @Override
  public void run(ConversationInput ignored) {
    boolean full = Workflow.await(IDLE, () -> turnsThisRun >= input.turnsPerRun());
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (full) {
      log.info("Conversation {} continues as new after {} turns", input.conversationId(), memory.turns());
      Workflow.continueAsNew(WorkflowLabels.carriedOn(), input.withMemory(memory));
    }
  }

  @Override
  public void validateAsk(ChatQuestion question) {
    String text = question == null ? null : question.question();
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a question is required");
    }
    if (text.length() > ChatLimits.MAX_QUESTION_CHARS) {
      throw new IllegalArgumentException("a question may have at most " + ChatLimits.MAX_QUESTION_CHARS + " characters");
    }
  }

  @Override
  public ChatAnswer ask(ChatQuestion question) {
    turnLock.lock();
    try {
      String text = question.question().strip();
      int turn = memory.turns() + 1;
      RetrievedPassages found =
          retrieval.retrieve(new RetrievalRequest(input.orgId(), text, input.audioIds(), ChatLimits.PASSAGES));
      ChatReply reply = answer(text, found);
      store.recordTurn(new TurnRecord(input.orgId(), input.conversationId(), turn, text, reply));
      memory = memory.after(text, reply.answer());
      turnsThisRun++;
      return ChatAnswer.of(turn, reply);
    } finally {
      turnLock.unlock();
    }
  }

  /** A model that keeps failing must not leave the person without an answer: the passages still help. */
  private ChatReply answer(String question, RetrievedPassages found) {
    try {
      return model.answer(new AnswerRequest(input.orgId(), input.conversationId(), question, found.passages(), memory));
    } catch (ActivityFailure e) {
      String reason = e.getCause() instanceof TemporalFailure cause ? cause.getOriginalMessage() : e.getOriginalMessage();
      String type = e.getCause() instanceof ApplicationFailure app ? app.getType() : "timeout";
      log.warn("Conversation {}: the model failed ({}); answering with passages", input.conversationId(), type);
      return FallbackAnswers.modelFailed(reason, found.passages());
    }
  }
}
