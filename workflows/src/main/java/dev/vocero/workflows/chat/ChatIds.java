package dev.vocero.workflows.chat;

import java.util.UUID;

/** Workflow IDs of the chat feature. */
public final class ChatIds {
  public static final String KIND = "chat";

  private ChatIds() {}

  public static String workflowId(UUID conversationId) {
    return "chat:" + conversationId;
  }
}
