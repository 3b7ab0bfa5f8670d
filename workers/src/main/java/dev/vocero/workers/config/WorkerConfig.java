package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** {@code worker:} section: how much work one worker process takes on at once. */
public class WorkerConfig {
  /** Concurrent speech/LLM calls per worker process (task queue vocero-ai). */
  @Min(1) @JsonProperty private int maxConcurrentAiActivities = 8;
  /** Concurrent storage/database activities per worker process (task queue vocero-io). */
  @Min(1) @JsonProperty private int maxConcurrentIoActivities = 50;
  @Min(1) @JsonProperty private int maxConcurrentWorkflowTasks = 50;
  /** Concurrent call placements per worker process (task queue vocero-telephony). */
  @Min(1) @JsonProperty private int maxConcurrentTelephonyActivities = 20;
  /**
   * How long a workflow task waits for the worker that has the workflow cached before any worker may take it
   * (Temporal's sticky execution). 0 turns sticky execution off: every task replays the history, which is slower but
   * needs no server-side fallback (the embedded test server has none, so a stopped worker's tasks would wait).
   */
  @Min(0) @JsonProperty private int stickyScheduleToStartSeconds = 5;
  /**
   * How long workflow code may run without yielding before the SDK calls it a deadlock and fails the workflow task
   * (the SDK's default is 1 s). A batch starting a second's worth of contacts encodes every child's payloads in its
   * workflow thread; on a busy machine that took over 1 s, and each false alarm forced a full replay that took as long.
   */
  @Min(1) @JsonProperty private int deadlockDetectionSeconds = 5;

  public int getDeadlockDetectionSeconds() {
    return deadlockDetectionSeconds;
  }

  public int getStickyScheduleToStartSeconds() {
    return stickyScheduleToStartSeconds;
  }

  public int getMaxConcurrentTelephonyActivities() {
    return maxConcurrentTelephonyActivities;
  }

  public int getMaxConcurrentAiActivities() {
    return maxConcurrentAiActivities;
  }

  public int getMaxConcurrentIoActivities() {
    return maxConcurrentIoActivities;
  }

  public int getMaxConcurrentWorkflowTasks() {
    return maxConcurrentWorkflowTasks;
  }
}
