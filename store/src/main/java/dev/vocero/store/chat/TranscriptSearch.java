package dev.vocero.store.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vocero.store.audio.SegmentRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Full-text retrieval over an organization's transcript segments (see V7__chat.sql): accent-insensitive,
 * Spanish and English stemming and stop words. Candidates are the segments holding the question's rarest terms
 * (as many terms as fit a budget of matching segments; term counts are cached per organization), so common
 * words never make a question scan a large part of the table. Candidates with every term come first, then those
 * with two or more of the terms, then by cover density over all terms; only the candidates with the most terms
 * are ranked by cover density, the costly part.
 */
public final class TranscriptSearch {
  /** The question's distinct lexemes (both languages, stop words dropped), every-term and any-term queries. */
  static final String TERMS_SQL = """
      select vocero_question_lexemes(:question) as lexemes,
             vocero_search_query(:question, 'all')::text as all_query,
             vocero_search_query(:question, 'any')::text as any_query
      """;
  /** How many of the organization's segments hold each lexeme, counted up to :cap (so the rarer of two common terms is known). */
  static final String COUNT_SQL = """
      select q.lexeme,
             (select count(*) from (
                select 1 from transcript_segments s
                where s.org_id = :orgId
                  and s.tsv @@ cast('''' || replace(replace(q.lexeme, '\\', '\\\\'), '''', '''''') || '''' as tsquery)
                limit :cap) c) as segments
      from unnest(:lexemes) as q(lexeme)
      """;
  static final String SQL = """
      with matching as (
        select s.audio_id, s.idx, s.tsv
        from transcript_segments s
        where s.org_id = :orgId
          and s.tsv @@ cast(:filter as tsquery)
          and (not :scoped or s.audio_id = any(:audioIds))
        limit :maxMatches),
      scored as (
        select m.audio_id, m.idx, m.tsv,
               m.tsv @@ cast(:allQuery as tsquery) as all_terms,
               length(m.tsv) - length(ts_delete(m.tsv, :lexemes)) as terms,
               length(m.tsv) - length(ts_delete(m.tsv, :rare)) as rare_terms
        from matching m
        order by all_terms desc, terms desc, rare_terms desc, m.audio_id, m.idx
        limit :maxRanked),
      hits as (
        select c.audio_id, c.idx, c.all_terms, c.terms >= 2 as two_terms,
               ts_rank_cd(c.tsv, cast(:anyQuery as tsquery), :normalization) as rank
        from scored c
        order by all_terms desc, two_terms desc, rank desc, c.audio_id, c.idx
        limit :candidates)
      select h.audio_id, h.idx as hit_idx, h.rank, n.idx, n.start_ms, n.end_ms, n.speaker, n.text, n.confidence
      from hits h
      join transcript_segments n on n.org_id = :orgId and n.audio_id = h.audio_id
        and n.idx between h.idx - :context and h.idx + :context
      order by h.all_terms desc, h.two_terms desc, h.rank desc, h.audio_id, h.idx, n.idx
      """;
  /** The question's rarest terms are chosen to match at most this many segments together (at least one term). */
  static final int RARE_BUDGET = Integer.getInteger("vocero.chat.rareBudget", 500);
  /** Any two of this many of the question's rarest held terms also make a candidate (see {@link Terms#filter}). */
  static final int PAIR_TERMS = Integer.getInteger("vocero.chat.pairTerms", 4);
  /** At most this many matching segments are fetched and scored cheaply (every term? how many?) per question. */
  static final int MAX_MATCHES = Integer.getInteger("vocero.chat.maxMatches", 2_000);
  /** Of those, at most this many (the ones with the most terms) are ranked by cover density, the costly part. */
  static final int MAX_RANKED = Integer.getInteger("vocero.chat.maxRanked", 50);
  /** Term counts are reused this long: they only pick which terms filter the candidates, never what is found. */
  static final Duration TERM_COUNTS_TTL = Duration.ofSeconds(Long.getLong("vocero.chat.termCountsTtlSeconds", 600));
  /** ts_rank_cd normalization 1: divides by 1 + log(length), so long segments do not win by length alone. */
  static final int NORMALIZATION = 1;

  private final Jdbi jdbi;
  private final Cache<TermKey, Integer> termCounts =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(TERM_COUNTS_TTL).build();

  public TranscriptSearch(Jdbi jdbi) {
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
    return jdbi.withHandle(h -> {
      Terms terms = terms(h, orgId, question);
      if (terms.lexemes().isEmpty()) {
        return List.of();
      }
      List<Passage> passages = List.of();
      for (String filter : terms.passes(RARE_BUDGET, PAIR_TERMS)) {
        passages = passages(query(h, orgId, terms, filter, scope, limit, context), limit);
        if (passages.size() >= limit) {
          return passages;
        }
      }
      return passages;
    });
  }

  /** The tsqueries of the question's candidates, pass by pass; for the benchmark's cost figures. */
  List<String> candidateFilters(UUID orgId, String question) {
    return jdbi.withHandle(h -> {
      Terms terms = terms(h, orgId, question);
      return terms.lexemes().isEmpty() ? List.<String>of() : terms.passes(RARE_BUDGET, PAIR_TERMS);
    });
  }

  private Terms terms(Handle h, UUID orgId, String question) {
    Terms parsed = h.createQuery(TERMS_SQL)
        .bind("question", question)
        .map((rs, ctx) -> new Terms(List.of((String[]) rs.getArray("lexemes").getArray()), List.of(),
            rs.getString("all_query"), rs.getString("any_query")))
        .one();
    List<String> uncounted = parsed.lexemes().stream()
        .filter(l -> termCounts.getIfPresent(new TermKey(orgId, l)) == null).toList();
    if (!uncounted.isEmpty()) {
      h.createQuery(COUNT_SQL)
          .bind("orgId", orgId)
          .bindArray("lexemes", String.class, uncounted)
          .bind("cap", MAX_MATCHES)
          .map((rs, ctx) -> Map.entry(rs.getString("lexeme"), rs.getInt("segments")))
          .forEach(e -> termCounts.put(new TermKey(orgId, e.getKey()), e.getValue()));
    }
    return parsed.withCounts(l -> termCounts.asMap().getOrDefault(new TermKey(orgId, l), MAX_MATCHES));
  }

  private static List<Row> query(Handle h, UUID orgId, Terms terms, String filter, List<UUID> scope, int limit,
      int context) {
    return h.createQuery(SQL)
        .bind("orgId", orgId)
        .bind("filter", filter)
        .bind("allQuery", terms.allQuery())
        .bind("anyQuery", terms.anyQuery())
        .bindArray("lexemes", String.class, terms.lexemes())
        .bindArray("rare", String.class, terms.rarest(RARE_BUDGET))
        .bind("maxMatches", MAX_MATCHES)
        .bind("maxRanked", Math.max(MAX_RANKED, limit * 3))
        .bind("normalization", NORMALIZATION)
        .bind("scoped", !scope.isEmpty())
        .bindArray("audioIds", UUID.class, scope)
        .bind("candidates", limit * 3)
        .bind("context", Math.max(0, context))
        .map((rs, ctx) -> new Row(rs.getObject("audio_id", UUID.class), rs.getInt("hit_idx"), rs.getDouble("rank"),
            new SegmentRow(rs.getInt("idx"), rs.getLong("start_ms"), rs.getLong("end_ms"), rs.getString("speaker"),
                rs.getString("text"), (Float) rs.getObject("confidence"))))
        .list();
  }

  private record TermKey(UUID orgId, String lexeme) {}

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
