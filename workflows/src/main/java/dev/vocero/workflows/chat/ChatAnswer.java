package dev.vocero.workflows.chat;

import java.util.List;

/** Result of the {@code ask} update: the turn number and the answer with its citations. */
public record ChatAnswer(int turn, String answer, List<Citation> citations, boolean modelUsed, String provider) {

  public ChatAnswer {
    citations = citations == null ? List.of() : List.copyOf(citations);
  }

  static ChatAnswer of(int turn, ChatReply reply) {
    return new ChatAnswer(turn, reply.answer(), reply.citations(), reply.modelUsed(), reply.provider());
  }
}
