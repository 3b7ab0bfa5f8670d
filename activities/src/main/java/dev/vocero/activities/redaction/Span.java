package dev.vocero.activities.redaction;

/** A stretch [start, end) of text to replace. */
record Span(int start, int end, PiiType type) {

  boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }
}
