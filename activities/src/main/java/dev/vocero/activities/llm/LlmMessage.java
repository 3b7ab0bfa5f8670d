package dev.vocero.activities.llm;

import java.util.Objects;

/** One turn of a conversation: {@code user} or {@code assistant}. */
public record LlmMessage(Role role, String content) {

  public LlmMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  public static LlmMessage user(String content) {
    return new LlmMessage(Role.USER, content);
  }

  public static LlmMessage assistant(String content) {
    return new LlmMessage(Role.ASSISTANT, content);
  }

  public enum Role { USER, ASSISTANT }
}
