package dev.vocero.workflows.chat;

import io.temporal.activity.ActivityInterface;

/** Steps of one chat turn. Retrieval and persistence are idempotent; answering may be asked again on retry. */
@ActivityInterface(namePrefix = "Chat")
public interface ChatActivities {

  /** Full-text search over the organization's transcripts. */
  RetrievedPassages retrieve(RetrievalRequest request);

  /** Asks the language model; without one configured, answers with the best passages and says so. */
  ChatReply answer(AnswerRequest request);

  /** Stores the turn's question and answer; a second write of the same turn is a no-op. */
  void recordTurn(TurnRecord turn);
}
