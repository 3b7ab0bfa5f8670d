package dev.vocero.workflows.chat;

/** Limits shared by the API's validation and the workflow's update validator. */
public final class ChatLimits {
  public static final int MAX_QUESTION_CHARS = 2000;
  /** Passages retrieved per question and given to the model. */
  public static final int PASSAGES = 5;
  /** Turns one run serves before it continues as new (keeps the history small). */
  public static final int DEFAULT_TURNS_PER_RUN = 20;
  /** Turns kept word for word in the memory; older ones are folded into the summary. */
  public static final int RECENT_TURNS = 4;

  private ChatLimits() {}
}
