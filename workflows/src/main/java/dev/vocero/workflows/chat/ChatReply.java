package dev.vocero.workflows.chat;

import java.util.List;

/**
 * What the answering step produced.
 *
 * @param modelUsed false when the answer is only the best passages (no model configured, or the model failed)
 * @param provider  the model provider that answered, {@code none} otherwise
 */
public record ChatReply(String answer, List<Citation> citations, boolean modelUsed, String provider) {

  public ChatReply {
    citations = citations == null ? List.of() : List.copyOf(citations);
  }
}
