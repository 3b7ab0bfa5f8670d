package dev.vocero.workflows.chat;

import java.util.List;

/** Answers made of passages only, for when no language model can answer. Pure, so workflows may use it. */
public final class FallbackAnswers {
  public static final String NOT_CONFIGURED =
      "No language model is configured, so this answer is not written by one: these are the transcript passages that"
          + " best match your question.";

  private FallbackAnswers() {}

  public static ChatReply notConfigured(List<ChatPassage> passages) {
    return passagesOnly(NOT_CONFIGURED, passages);
  }

  public static ChatReply modelFailed(String reason, List<ChatPassage> passages) {
    return passagesOnly("The language model could not answer (" + reason + "), so these are the transcript passages"
        + " that best match your question.", passages);
  }

  private static ChatReply passagesOnly(String lead, List<ChatPassage> passages) {
    StringBuilder text = new StringBuilder(lead);
    if (passages.isEmpty()) {
      text.append("\n\nNo transcript passage matches the question.");
    }
    for (ChatPassage passage : passages) {
      text.append("\n\n").append(passage.label());
      for (ChatSegment segment : passage.segments()) {
        text.append("\n").append(segment.speaker() == null ? "" : segment.speaker() + ": ").append(segment.text());
      }
    }
    return new ChatReply(text.toString(), passages.stream().map(Citation::of).toList(), false, "none");
  }
}
