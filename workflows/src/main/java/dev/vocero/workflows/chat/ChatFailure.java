package dev.vocero.workflows.chat;

import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;

/**
 * Non-retryable failures of the chat activities; the workflow answers with passages only when the model fails. The
 * ApplicationFailure type is the constant's name.
 */
public enum ChatFailure {
  CHAT_MODEL_REJECTED,
  CHAT_MODEL_UNAUTHORIZED,
  CHAT_CONVERSATION_NOT_FOUND;

  public String type() {
    return name();
  }

  public ApplicationFailure failure(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type());
  }

  public static String[] types() {
    return Arrays.stream(values()).map(ChatFailure::type).toArray(String[]::new);
  }
}
