package dev.vocero.workflows.audio;

import io.temporal.activity.ActivityInterface;

/** Structured extraction of an audio's transcript with the organization's extractors. Every method is idempotent. */
@ActivityInterface(namePrefix = "Extraction")
public interface ExtractionActivities {

  /**
   * Gives the organization its default extractors if it has none, clears the audio's previous extractions and lists
   * the enabled extractors at their latest version. Without a language model it records each as skipped and lists
   * none.
   */
  ExtractionPlan planExtractions(ExtractionPlanRequest request);

  /** Runs one extractor version on the transcript and records the outcome: ok, invalid (after one repair) or failed. */
  ExtractionOutcome extract(ExtractionRequest request);

  /** Records on the audio that an extractor could not run at all (its activity failed for good). */
  void recordExtractionFailure(ExtractionFailure failure);
}
