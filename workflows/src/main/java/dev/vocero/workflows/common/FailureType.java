package dev.vocero.workflows.common;

import io.temporal.failure.ApplicationFailure;

/** Types of non-retryable failures raised by activities; workflows branch on these, never on messages. */
public enum FailureType {
  SPEECH_NOT_CONFIGURED,
  SPEECH_REJECTED,
  SPEECH_UNAUTHORIZED,
  AUDIO_TOO_LARGE,
  AUDIO_NOT_FOUND,
  AUDIO_UNREADABLE,
  EXTRACTOR_NOT_FOUND;

  public ApplicationFailure failure(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, name());
  }

  public static String[] names() {
    FailureType[] values = values();
    String[] names = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      names[i] = values[i].name();
    }
    return names;
  }
}
