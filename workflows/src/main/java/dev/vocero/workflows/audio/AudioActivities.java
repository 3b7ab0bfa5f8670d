package dev.vocero.workflows.audio;

import io.temporal.activity.ActivityInterface;

/** Steps of audio processing. Every method is idempotent: safe to retry and to re-run after a restart. */
@ActivityInterface(namePrefix = "Audio")
public interface AudioActivities {

  /** Mirrors a status (and failure reason) into PostgreSQL. */
  void recordStatus(AudioStatusChange change);

  /** Reads the stored audio, sends it to the speech provider, replaces the stored transcript. */
  TranscriptionResult transcribe(TranscriptionRequest request);

  /** Matches the organization's keyword dictionary against the transcript, replaces stored opportunities. */
  OpportunityResult findOpportunities(OpportunityRequest request);
}
