package dev.vocero.workflows.chat;

import java.util.UUID;

/**
 * A transcript passage an answer relies on.
 *
 * @param label      as written in the answer, e.g. {@code [audio id @ 01:07]}
 * @param segmentIdx the passage's best matching segment
 * @param quote      that segment's text
 */
public record Citation(UUID audioId, int segmentIdx, long startMs, long endMs, String label, String quote) {

  public static Citation of(ChatPassage passage) {
    return new Citation(passage.audioId(), passage.hitIdx(), passage.startMs(), passage.endMs(), passage.label(),
        passage.hit().text());
  }
}
