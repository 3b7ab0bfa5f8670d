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
