package dev.vocero.workflows.chat;

import java.util.List;
import java.util.UUID;

/** A retrieved transcript passage: the matching segment ({@code hitIdx}) with its neighbours. */
public record ChatPassage(UUID audioId, int hitIdx, long startMs, long endMs, List<ChatSegment> segments) {

  public ChatPassage {
    segments = List.copyOf(segments);
  }

  /** The label the model sees and cites, e.g. {@code [3f0c…-… @ 01:07]}. */
  public String label() {
    return CitationLabels.label(audioId, startMs);
  }

  public ChatSegment hit() {
    return segments.stream().filter(s -> s.idx() == hitIdx).findFirst().orElse(segments.get(0));
  }
}
