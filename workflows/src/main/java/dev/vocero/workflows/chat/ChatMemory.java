package dev.vocero.workflows.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * What a conversation remembers across turns and runs: the number of turns so far, the last few turns
 * verbatim and a summary of the older questions. Bounded, so continue-as-new payloads stay small.
 */
public record ChatMemory(int turns, String summary, List<ChatTurn> recent) {
  static final int MAX_SUMMARY_CHARS = 2000;
  static final int MAX_REMEMBERED_ANSWER_CHARS = 1500;
  static final int MAX_SUMMARIZED_QUESTION_CHARS = 200;

  public static final ChatMemory EMPTY = new ChatMemory(0, "", List.of());

  public ChatMemory {
    summary = summary == null ? "" : summary;
    recent = recent == null ? List.of() : List.copyOf(recent);
  }

  /** The memory after one more turn; the oldest verbatim turn moves into the summary. */
  public ChatMemory after(String question, String answer) {
    List<ChatTurn> next = new ArrayList<>(recent);
    next.add(new ChatTurn(question, truncate(answer, MAX_REMEMBERED_ANSWER_CHARS)));
    String nextSummary = summary;
    while (next.size() > ChatLimits.RECENT_TURNS) {
      nextSummary += "- " + truncate(next.remove(0).question(), MAX_SUMMARIZED_QUESTION_CHARS) + "\n";
    }
    if (nextSummary.length() > MAX_SUMMARY_CHARS) {
      nextSummary = nextSummary.substring(nextSummary.length() - MAX_SUMMARY_CHARS);
    }
    return new ChatMemory(turns + 1, nextSummary, next);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
