package dev.vocero.store.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A question's lexemes, rarest first once counted, with how many of the organization's segments hold each
 * (counted up to a cap), and its every-term and any-term queries as tsquery text.
 */
record Terms(List<String> lexemes, List<Integer> segments, String allQuery, String anyQuery) {

  Terms {
    lexemes = List.copyOf(lexemes);
    segments = List.copyOf(segments);
  }

  /** The same question with each lexeme's segment count, rarest first (ties by lexeme, so the order is stable). */
  Terms withCounts(ToIntFunction<String> count) {
    List<String> sorted = lexemes.stream()
        .sorted(Comparator.comparingInt(count).thenComparing(Comparator.naturalOrder())).toList();
    return new Terms(sorted, sorted.stream().map(count::applyAsInt).toList(), allQuery, anyQuery);
  }

  /**
   * The rarest lexemes that together match at most {@code budget} segments: those no segment holds (free; the
   * counts may be a little old), then at least one that some segment holds.
   */
  List<String> rarest(int budget) {
    List<String> rare = new ArrayList<>();
    long total = 0;
    boolean held = false;
    for (int i = 0; i < lexemes.size(); i++) {
      total += segments.get(i);
      if (held && total > budget) {
        break;
      }
      held |= segments.get(i) > 0;
      rare.add(lexemes.get(i));
    }
    return rare;
  }

  /**
   * tsquery text of the candidates: any of the rarest lexemes, or, when even the rarest held one matches more than
   * {@code budget} segments, not that alone; and in both cases any two of the {@code pairTerms} rarest held lexemes
   * together, so that a rare word the answer does not hold (an interrogative) cannot crowd out the answer's segments.
   */
  String filter(int budget, int pairTerms) {
    List<String> rare = rarest(budget);
    List<String> held = new ArrayList<>();
    for (int i = 0; i < lexemes.size() && held.size() < (pairTerms <= 0 ? 3 : Math.max(2, pairTerms)); i++) {
      if (segments.get(i) > 0) {
        held.add(lexemes.get(i));
      }
    }
    if (held.size() < 2) {
      return anyOf(rare);
    }
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < held.size(); i++) {
      for (int j = i + 1; j < held.size(); j++) {
        pairs.add(quote(held.get(i)) + " & " + quote(held.get(j)));
      }
    }
    String anyPair = String.join(" | ", pairs);
    boolean rareFits = segments.get(rare.size() - 1) <= budget;
    if (pairTerms <= 0) { // the plan before pairs were added: pairs of the three rarest only when every term is common
      return rareFits ? anyOf(rare) : anyPair;
    }
    return rareFits ? anyOf(rare) + " | " + anyPair : anyPair;
  }

  /**
   * tsquery texts of the candidates, narrowest first: {@link #filter}, then any of the rarest lexemes, then any
   * lexeme; a wider one is searched only when the narrower found too few passages.
   */
  List<String> passes(int budget, int pairTerms) {
    return Stream.of(filter(budget, pairTerms), anyOf(rarest(budget)), anyOf(lexemes)).distinct().toList();
  }

  /** tsquery text matching any of the lexemes, quoted as tsquery input wants. */
  static String anyOf(List<String> lexemes) {
    return lexemes.stream().map(Terms::quote).collect(Collectors.joining(" | "));
  }

  private static String quote(String lexeme) {
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
