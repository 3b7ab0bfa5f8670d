package dev.vocero.activities.opportunities;

import dev.vocero.domain.text.FoldedText;
import dev.vocero.store.audio.KeywordRow;
import dev.vocero.store.audio.OpportunityRow;
import dev.vocero.store.audio.SegmentRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dictionary keywords and their variants in transcript segments: whole words only, ignoring case and
 * accents, with multi-word keywords matching across any run of spaces and punctuation.
 */
public final class OpportunityMatcher {
  public static final int DEFAULT_CONTEXT_WORDS = 8;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final String NOT_WORD = "[^\\p{L}\\p{N}]+";
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Comparator<SegmentRow> BY_TIME =
      Comparator.comparingLong(SegmentRow::startMs).thenComparingInt(SegmentRow::idx);

  private final int contextWords;

  public OpportunityMatcher() {
    this(DEFAULT_CONTEXT_WORDS);
  }

  /** {@code contextWords}: how many words before and after a match are kept. */
  public OpportunityMatcher(int contextWords) {
    if (contextWords < 0) {
      throw new IllegalArgumentException("contextWords must be >= 0 but was " + contextWords);
    }
    this.contextWords = contextWords;
  }

  /**
   * Every occurrence, ordered by time. Overlapping terms of one keyword count once (the longest wins) and a
   * match lying inside a longer match of another keyword is dropped ("no me interesa" hides "me interesa").
   */
  public List<OpportunityRow> match(List<KeywordRow> keywords, List<SegmentRow> segments) {
    List<Entry> entries = compile(keywords);
    List<SegmentRow> ordered = segments.stream().sorted(BY_TIME).toList();
    List<OpportunityRow> found = new ArrayList<>();
    for (int s = 0; s < ordered.size(); s++) {
      FoldedText text = FoldedText.of(ordered.get(s).text());
      List<Hit> hits = new ArrayList<>();
      for (Entry entry : entries) {
        Matcher m = entry.pattern().matcher(text.folded());
        while (m.find()) {
          hits.add(new Hit(entry.keyword(), text.originalStart(m.start()), text.originalEnd(m.end())));
        }
      }
      hits.sort(Comparator.comparingInt(Hit::start).thenComparing(h -> h.keyword().keyword()));
      for (Hit hit : hits) {
        if (!insideLongerHit(hit, hits)) {
          found.add(row(ordered, s, hit));
        }
      }
    }
    return found;
  }

  // "no me interesa" must not also count as "me interesa": the more specific phrase wins.
  private static boolean insideLongerHit(Hit hit, List<Hit> hits) {
    for (Hit other : hits) {
      if (other.start() <= hit.start() && hit.end() <= other.end()
          && other.end() - other.start() > hit.end() - hit.start()) {
        return true;
      }
    }
    return false;
  }

  private OpportunityRow row(List<SegmentRow> ordered, int s, Hit hit) {
    SegmentRow segment = ordered.get(s);
    String text = segment.text();
    List<String> before = words(text.substring(0, hit.start()));
    if (before.size() < contextWords && s > 0) {
      before = concat(last(words(ordered.get(s - 1).text()), contextWords - before.size()), before);
    }
    List<String> after = words(text.substring(hit.end()));
    if (after.size() < contextWords && s + 1 < ordered.size()) {
      after = concat(after, first(words(ordered.get(s + 1).text()), contextWords - after.size()));
    }
    KeywordRow keyword = hit.keyword();
    return new OpportunityRow(0, keyword.keyword(), text.substring(hit.start(), hit.end()), keyword.topic(),
        keyword.priority(), segment.idx(), segment.startMs(), segment.endMs(),
        String.join(" ", last(before, contextWords)), String.join(" ", first(after, contextWords)));
  }

  private static List<Entry> compile(List<KeywordRow> keywords) {
    List<Entry> entries = new ArrayList<>();
    for (KeywordRow keyword : keywords) {
      Set<String> terms = new LinkedHashSet<>();
      terms.add(keyword.keyword());
      if (keyword.variants() != null) {
        terms.addAll(keyword.variants());
      }
      // Longest alternative first, so at one position "tarjeta de crédito" wins over "tarjeta".
      List<String> alternatives = terms.stream()
          .filter(Objects::nonNull)
          .map(OpportunityMatcher::termRegex)
          .filter(r -> !r.isEmpty())
          .distinct()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();
      if (!alternatives.isEmpty()) {
        String body = String.join("|", alternatives);
        entries.add(new Entry(keyword, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + body + ")(?![\\p{L}\\p{N}])")));
      }
    }
    return entries;
  }

  private static String termRegex(String term) {
    Matcher words = WORD.matcher(FoldedText.fold(term));
    List<String> parts = new ArrayList<>();
    while (words.find()) {
      parts.add(Pattern.quote(words.group()));
    }
    return String.join(NOT_WORD, parts);
  }

  private static List<String> words(String text) {
    return Arrays.stream(SPACES.split(text))
        .filter(w -> WORD.matcher(w).find())
        .toList();
  }

  private static List<String> last(List<String> words, int n) {
    return words.subList(Math.max(0, words.size() - n), words.size());
  }

  private static List<String> first(List<String> words, int n) {
    return words.subList(0, Math.min(n, words.size()));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private record Entry(KeywordRow keyword, Pattern pattern) {}

  private record Hit(KeywordRow keyword, int start, int end) {}
}
