package dev.vocero.workflows.chat;

import io.temporal.failure.ApplicationFailure;

/** Non-retryable failures of the chat activities; the workflow answers with passages only when the model fails. */
public enum ChatFailure {
  MODEL_REJECTED,
  MODEL_UNAUTHORIZED,
  CONVERSATION_NOT_FOUND;

  public String type() {
    return "CHAT_" + name();
  }

  public ApplicationFailure failure(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type());
  }

  public static String[] types() {
    ChatFailure[] values = values();
    String[] types = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      types[i] = values[i].type();
    }
    return types;
  }
}
