package dev.vocero.store.chat;

import dev.vocero.store.audio.SegmentRow;
import java.util.List;
import java.util.UUID;

/**
 * Transcript segments that matched a question, with their neighbours for context.
 *
 * @param hitIdx the best-ranked matching segment of the passage
 * @param rank   its full-text rank (ts_rank_cd); higher is better
 */
public record Passage(UUID audioId, int hitIdx, double rank, List<SegmentRow> segments) {

  public Passage {
    segments = List.copyOf(segments);
  }

  public long startMs() {
    return segments.get(0).startMs();
  }

  public long endMs() {
    return segments.get(segments.size() - 1).endMs();
  }

  public boolean covers(int idx) {
    return idx >= segments.get(0).idx() && idx <= segments.get(segments.size() - 1).idx();
  }
}
