package dev.vocero.activities.redaction;

import java.util.EnumMap;
import java.util.Map;

/** Redacted text and how many of each kind were replaced. */
public record Redaction(String text, Map<PiiType, Integer> counts) {

  public Redaction {
    counts = counts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(counts));
  }

  public int count(PiiType type) {
    return counts.getOrDefault(type, 0);
  }
}
