package dev.vocero.workflows.calls;

import java.util.UUID;

/** Workflow IDs of the calls feature. */
public final class CallIds {
  public static final String BATCH_KIND = "batch";
  public static final String CALL_KIND = "call";

  private CallIds() {}

  public static String batchWorkflowId(UUID batchId) {
    return "batch:" + batchId;
  }

  public static String contactWorkflowId(UUID batchId, long contactId) {
    return "call:" + batchId + ":" + contactId;
  }
}
