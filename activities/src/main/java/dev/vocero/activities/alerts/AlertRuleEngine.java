package dev.vocero.activities.alerts;

import dev.vocero.domain.alerts.InvalidRuleException;
import dev.vocero.domain.alerts.RulePatterns;
import dev.vocero.domain.alerts.SafeRegex;

import dev.vocero.domain.text.FoldedText;
import dev.vocero.store.alerts.AlertRuleRow;
import dev.vocero.store.alerts.NewAlert;
import dev.vocero.store.audio.SegmentRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates alert rules against a transcript. Keywords match whole words ignoring case and accents; regular
 * expressions run on RE2/J (linear time) over the segment text; sentiment rules compare the audio's score.
 * At most one alert per rule and segment, ordered by time, and at most {@link #MAX_ALERTS} per audio.
 */
public final class AlertRuleEngine {
  public static final int MAX_ALERTS = 100;
  /** Segment text beyond this many characters is not searched. */
  public static final int MAX_INPUT_CHARS = 100_000;

  private static final Logger LOG = LoggerFactory.getLogger(AlertRuleEngine.class);
  private static final Set<String> AGENT = Set.of("agent", "agente", "asesor", "asesora", "operator", "operador", "operadora");
  private static final Set<String> CUSTOMER = Set.of("customer", "cliente", "caller", "client");

  /** Every alert the rules raise; a rule that cannot be compiled is skipped (and logged). */
  public List<AlertMatch> evaluate(List<AlertRuleRow> rules, List<SegmentRow> segments, Long durationMs,
      Optional<Double> sentiment) {
    long duration = Math.max(durationMs == null ? 0 : durationMs,
        segments.stream().mapToLong(SegmentRow::endMs).max().orElse(0));
    List<AlertMatch> matches = new ArrayList<>();
    for (AlertRuleRow rule : rules) {
      try {
        switch (rule.kind()) {
          case "sentiment" -> sentiment(rule, sentiment).ifPresent(matches::add);
          case "keyword", "regex" -> matches.addAll(textMatches(rule, segments, duration));
          default -> throw new InvalidRuleException("unknown rule kind " + rule.kind());
        }
      } catch (InvalidRuleException e) {
        // The API refuses such rules; one stored before a limit changed must not stop the others.
        LOG.warn("alert rule {} skipped: {}", rule.id(), e.getMessage());
      }
    }
    matches.sort(Comparator.comparingLong(AlertMatch::startMs));
    return matches.size() > MAX_ALERTS ? List.copyOf(matches.subList(0, MAX_ALERTS)) : matches;
  }

  private static Optional<AlertMatch> sentiment(AlertRuleRow rule, Optional<Double> score) {
    if (score.isEmpty() || rule.threshold() == null || !(score.get() < rule.threshold())) {
      return Optional.empty();
    }
    String evidence = String.format(Locale.ROOT, "sentiment score %.2f is below the threshold %.2f",
        score.get(), rule.threshold());
    return Optional.of(new AlertMatch(rule, null, 0, evidence));
  }

  private static List<AlertMatch> textMatches(AlertRuleRow rule, List<SegmentRow> segments, long duration) {
    Finder finder = finder(rule);
    List<AlertMatch> found = new ArrayList<>();
    for (SegmentRow segment : segments) {
      if (!inScope(rule, segment, duration)) {
        continue;
      }
      String text = segment.text().length() > MAX_INPUT_CHARS ? segment.text().substring(0, MAX_INPUT_CHARS) : segment.text();
      int[] span = finder.find(text);
      if (span != null) {
        found.add(new AlertMatch(rule, segment.idx(), segment.startMs(), evidence(text, span[0], span[1])));
      }
    }
    return found;
  }

  static boolean inScope(AlertRuleRow rule, SegmentRow segment, long duration) {
    if (!speakerMatches(rule.speaker(), segment.speaker())) {
      return false;
    }
    if (rule.firstMinutes() != null && segment.startMs() >= rule.firstMinutes() * 60_000L) {
      return false;
    }
    if (rule.lastMinutes() != null && segment.endMs() <= duration - rule.lastMinutes() * 60_000L) {
      return false;
    }
    return !rule.inQuestion() || segment.text().indexOf('?') >= 0 || segment.text().indexOf('¿') >= 0;
  }

  /** Speaker labels are free text from the provider; agent and customer sides are recognised in English and Spanish. */
  static boolean speakerMatches(String side, String speaker) {
    if (side == null || side.equals("any")) {
      return true;
    }
    if (speaker == null) {
      return false;
    }
    String label = FoldedText.fold(speaker.trim());
    return side.equals("agent") ? AGENT.contains(label) : CUSTOMER.contains(label);
  }

  private static Finder finder(AlertRuleRow rule) {
    if (rule.kind().equals("regex")) {
      com.google.re2j.Pattern regex = SafeRegex.compile(rule.pattern());
      return text -> {
        com.google.re2j.Matcher m = regex.matcher(text);
        return m.find() ? new int[] {m.start(), m.end()} : null;
      };
    }
    Pattern keyword = RulePatterns.keyword(rule.pattern());
    if (keyword == null) {
      throw new InvalidRuleException("the keyword has no letters or digits to look for");
    }
    return text -> {
      FoldedText folded = FoldedText.of(text);
      Matcher m = keyword.matcher(folded.folded());
      return m.find() ? new int[] {folded.originalStart(m.start()), folded.originalEnd(m.end())} : null;
    };
  }

  /** The segment, or a window of it around the match when it is longer than the cap. */
  static String evidence(String text, int start, int end) {
    int cap = NewAlert.MAX_EVIDENCE_CHARS;
    String trimmed = text.strip();
    if (trimmed.length() <= cap) {
      return trimmed;
    }
    int matchLength = Math.min(end - start, cap - 2);
    int from = Math.max(0, start - (cap - 2 - matchLength) / 2);
    int to = Math.min(text.length(), from + cap - 2);
    from = Math.max(0, to - (cap - 2));
    return (from > 0 ? "…" : "") + text.substring(from, to).strip() + (to < text.length() ? "…" : "");
  }

  private interface Finder {
    /** {start, end} of the first match in the original text, or null. */
    int[] find(String text);
  }
}
