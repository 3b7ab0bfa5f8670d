package dev.vocero.store.chat;

import dev.vocero.store.audio.SegmentRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The benchmark's same-run baseline: TranscriptSearch as it was before issue 13 (all-terms, then pairs, then
 * any-term passes, each ranking up to 2,000 matches), kept verbatim.
 *
 * <p>Full-text retrieval over an organization's transcript segments (see V7__chat.sql): accent-insensitive,
 * Spanish and English stemming and stop words. Candidates are segments with at least two of the question's
 * terms (any one term when that finds too few), so common words do not drag in half the table; segments
 * with every term come first, then by cover density over all terms, so a natural-language question still
 * finds the segment that says what was asked about.
 */
final class PreviousTranscriptSearch {
  static final String SQL = """
      with matching as (
        select s.audio_id, s.idx, s.tsv
        from transcript_segments s
        where s.org_id = :orgId
          and s.tsv @@ (select vocero_search_query(:question, :mode))
          and (not :scoped or s.audio_id = any(:audioIds))
        limit :maxMatches),
      hits as (
        select m.audio_id, m.idx,
               m.tsv @@ (select vocero_search_query(:question, 'all')) as all_terms,
               ts_rank_cd(m.tsv, (select vocero_search_query(:question, 'any')), :normalization) as rank
        from matching m
        order by all_terms desc, rank desc, m.audio_id, m.idx
        limit :candidates)
      select h.audio_id, h.idx as hit_idx, h.rank, n.idx, n.start_ms, n.end_ms, n.speaker, n.text, n.confidence
      from hits h
      join transcript_segments n on n.org_id = :orgId and n.audio_id = h.audio_id
        and n.idx between h.idx - :context and h.idx + :context
      order by h.all_terms desc, h.rank desc, h.audio_id, h.idx, n.idx
      """;
  /**
   * At most this many matching segments are ranked per question: ranking is per row, and a question whose
   * terms are all very common would otherwise rank a large part of the organization's segments.
   */
  static final int MAX_RANKED = Integer.getInteger("vocero.chat.maxRanked", 2_000);
  /**
   * Narrowest first: segments with every term (few rows to rank, and they would come first anyway), then with two
   * of the terms, then with any; a wider pass runs only when the narrower one found fewer passages than asked.
   */
  private static final List<String> MODES = List.of("all", "two", "any");
  /** ts_rank_cd normalization 1: divides by 1 + log(length), so long segments do not win by length alone. */
  static final int NORMALIZATION = 1;

  private final Jdbi jdbi;

  PreviousTranscriptSearch(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /**
   * The best {@code limit} passages for the question, best first; each is a matching segment with up to
   * {@code context} segments before and after it. Overlapping passages of one audio are merged.
   *
   * @param audioIds when not empty, only these audios are searched
   */
  public List<Passage> search(UUID orgId, String question, List<UUID> audioIds, int limit, int context) {
    if (question == null || question.isBlank() || limit < 1) {
      return List.of();
    }
    List<UUID> scope = audioIds == null ? List.of() : audioIds;
    List<Passage> passages = List.of();
    for (String mode : MODES) {
      passages = passages(query(orgId, question, scope, mode, limit, context), limit);
      if (passages.size() >= limit) {
        return passages;
      }
    }
    return passages;
  }

  private List<Row> query(UUID orgId, String question, List<UUID> scope, String mode, int limit, int context) {
    return jdbi.withHandle(h -> h.createQuery(SQL)
        .bind("orgId", orgId)
        .bind("question", question)
        .bind("mode", mode)
        .bind("maxMatches", MAX_RANKED)
        .bind("normalization", NORMALIZATION)
        .bind("scoped", !scope.isEmpty())
        .bindArray("audioIds", UUID.class, scope)
        .bind("candidates", limit * 3)
        .bind("context", Math.max(0, context))
        .map((rs, ctx) -> new Row(rs.getObject("audio_id", UUID.class), rs.getInt("hit_idx"), rs.getDouble("rank"),
            new SegmentRow(rs.getInt("idx"), rs.getLong("start_ms"), rs.getLong("end_ms"), rs.getString("speaker"),
                rs.getString("text"), (Float) rs.getObject("confidence"))))
        .list());
  }

  private static List<Passage> passages(List<Row> rows, int limit) {
    List<Builder> built = new ArrayList<>();
    Builder current = null;
    for (Row row : rows) {
      if (current == null || !current.audioId.equals(row.audioId) || current.hitIdx != row.hitIdx) {
        current = new Builder(row.audioId, row.hitIdx, row.rank);
        built.add(current);
      }
      current.segments.add(row.segment);
    }
    List<Builder> merged = new ArrayList<>();
    for (Builder next : built) {
      Builder overlapping = merged.stream().filter(b -> b.overlaps(next)).findFirst().orElse(null);
      if (overlapping != null) {
        overlapping.absorb(next);
      } else if (merged.size() < limit) {
        merged.add(next);
      }
    }
    return merged.stream().map(Builder::build).toList();
  }

  private record Row(UUID audioId, int hitIdx, double rank, SegmentRow segment) {}

  /** A passage being assembled; a later, lower-ranked overlapping hit only widens it. */
  private static final class Builder {
    final UUID audioId;
    final int hitIdx;
    final double rank;
    final List<SegmentRow> segments = new ArrayList<>();

    Builder(UUID audioId, int hitIdx, double rank) {
      this.audioId = audioId;
      this.hitIdx = hitIdx;
      this.rank = rank;
    }

    int first() {
      return segments.get(0).idx();
    }

    int last() {
      return segments.get(segments.size() - 1).idx();
    }

    boolean overlaps(Builder other) {
      return audioId.equals(other.audioId) && other.first() <= last() + 1 && other.last() >= first() - 1;
    }

    void absorb(Builder other) {
      for (SegmentRow s : other.segments) {
        if (segments.stream().noneMatch(mine -> mine.idx() == s.idx())) {
          segments.add(s);
        }
      }
      segments.sort((a, b) -> Integer.compare(a.idx(), b.idx()));
    }

    Passage build() {
      return new Passage(audioId, hitIdx, rank, segments);
    }
  }
}
