package dev.vocero.activities.speech;

import java.util.List;

/** A transcript; {@code language} is a lowercase ISO-639-1 code when known, else null. */
public record Transcript(String language, long durationMs, List<Segment> segments) {

  public Transcript {
    segments = segments == null ? List.of() : List.copyOf(segments);
  }
}
