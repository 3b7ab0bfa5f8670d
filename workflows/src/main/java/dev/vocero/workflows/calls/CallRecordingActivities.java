package dev.vocero.workflows.calls;

import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/** Turns a call's recording into an audio of the organization. Idempotent: a retry finds the audio it made. */
@ActivityInterface(namePrefix = "Recordings")
public interface CallRecordingActivities {

  /** Fails for good with {@link CallFailure#RECORDING_UNAVAILABLE} when the provider refuses the download. */
  /**
   * Downloads the recording, stores it content-addressed in the blob store, creates the audio row (marked as
   * coming from the attempt, with a deterministic id) and links the attempt to it.
   */
  StoredRecording storeRecording(RecordingRequest request);

  record RecordingRequest(UUID orgId, UUID attemptId, RecordingEvent recording) {}

  /** @param language an ISO-639-1 hint for transcription (from the batch's script language), or null */
  record StoredRecording(UUID audioId, String language, boolean created) {}
}
