package dev.vocero.workflows.audio;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** A deliberately incompatible "AudioProcessing": analyses before transcribing, never mirrors statuses. */
public class ReorderedAudioProcessingWorkflow implements AudioProcessingWorkflow {
  private final AudioActivities activities = Workflow.newActivityStub(AudioActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

  @Override
  public AudioProcessingResult process(AudioProcessingInput input) {
    OpportunityResult found = activities.findOpportunities(new OpportunityRequest(input.orgId(), input.audioId()));
    TranscriptionResult transcript =
        activities.transcribe(new TranscriptionRequest(input.orgId(), input.audioId(), input.language()));
    return new AudioProcessingResult(AudioStatus.COMPLETED, transcript.segments(), found.opportunities(), null);
  }

  @Override
  public AudioProgress progress() {
    return new AudioProgress(AudioStatus.QUEUED, 1, null);
  }

  @Override
  public void validateReprocess(ReprocessRequest request) {}

  @Override
  public int reprocess(ReprocessRequest request) {
    return 1;
  }

  @Override
  public void cancel(String reason) {}
}
