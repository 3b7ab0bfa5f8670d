package dev.vocero.store.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

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

  /** The rarest lexemes that together match at most {@code budget} segments; at least the rarest one. */
  List<String> rarest(int budget) {
    List<String> rare = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < lexemes.size(); i++) {
      total += segments.get(i);
      if (!rare.isEmpty() && total > budget) {
        break;
      }
      rare.add(lexemes.get(i));
    }
    return rare;
  }

  /** tsquery text matching any of the lexemes, quoted as tsquery input wants. */
  static String anyOf(List<String> lexemes) {
    return lexemes.stream().map(l -> "'" + l.replace("\\", "\\\\").replace("'", "''") + "'")
        .collect(Collectors.joining(" | "));
  }
}
