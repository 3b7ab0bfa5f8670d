package dev.vocero.workflows.common;

/** Task queues shared by the API (which starts workflows) and the workers (which poll them). */
public final class TaskQueues {
  public static final String WORKFLOWS = "vocero-workflows";
  /**
   * Call batches: their own queue (and sticky queue), so a batch's workflow tasks do not wait behind those of the
   * hundreds of contact calls it keeps running. Batches started before it existed go on on {@link #WORKFLOWS}.
   */
  public static final String BATCHES = "vocero-batches";
  public static final String TELEPHONY = "vocero-telephony";
  public static final String AI = "vocero-ai";
  public static final String IO = "vocero-io";

  private TaskQueues() {}
}
