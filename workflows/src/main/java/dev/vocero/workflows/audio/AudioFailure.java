package dev.vocero.workflows.audio;

import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;

/**
 * Non-retryable failures of the audio, extraction and alert activities; workflows branch on these, never on messages.
 * Like every {@code <Feature>Failure}, the ApplicationFailure type is the constant's name.
 */
public enum AudioFailure {
  SPEECH_NOT_CONFIGURED,
  SPEECH_REJECTED,
  SPEECH_UNAUTHORIZED,
  AUDIO_TOO_LARGE,
  AUDIO_NOT_FOUND,
  AUDIO_UNREADABLE,
  EXTRACTOR_NOT_FOUND;

  public String type() {
    return name();
  }

  public ApplicationFailure failure(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type());
  }

  public static String[] types() {
    return Arrays.stream(values()).map(AudioFailure::type).toArray(String[]::new);
  }
}
