package dev.vocero.workflows.common;

/** Task queues shared by the API (which starts workflows) and the workers (which poll them). */
public final class TaskQueues {
  public static final String WORKFLOWS = "vocero-workflows";
  public static final String TELEPHONY = "vocero-telephony";
  public static final String AI = "vocero-ai";
  public static final String IO = "vocero-io";

  private TaskQueues() {}
}
