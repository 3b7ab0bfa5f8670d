package dev.vocero.workflows.audio;

import java.util.UUID;

/** Workflow IDs of the audio feature. */
public final class AudioIds {
  public static final String KIND = "audio";

  private AudioIds() {}

  public static String workflowId(UUID audioId) {
    return "audio:" + audioId;
  }
}
