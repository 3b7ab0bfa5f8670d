package dev.vocero.activities.speech;

import java.util.Objects;

/** One stretch of speech; {@code speaker} and {@code confidence} (0..1) are null when the provider gives none. */
public record Segment(long startMs, long endMs, String text, String speaker, Double confidence) {

  public Segment {
    Objects.requireNonNull(text, "text");
  }
}
