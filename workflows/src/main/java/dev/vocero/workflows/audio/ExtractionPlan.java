package dev.vocero.workflows.audio;

import java.util.List;

/**
 * The extractors to run; empty with {@code skippedReason} set when extraction was skipped (and recorded as such).
 */
public record ExtractionPlan(List<ExtractorRef> extractors, String skippedReason) {

  public ExtractionPlan {
    extractors = extractors == null ? List.of() : List.copyOf(extractors);
  }
}
