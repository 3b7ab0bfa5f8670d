package dev.vocero.workflows.chat;

import dev.vocero.workflows.common.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Timeouts and retries of the chat activities. A person waits for the answer, so every bound is short. */
final class ChatActivityOptions {

  private ChatActivityOptions() {}

  static ActivityOptions retrieve() {
    return database();
  }

  static ActivityOptions recordTurn() {
    return database();
  }

  /** A few spaced tries within a minute and a half; after that the workflow answers with passages only. */
  static ActivityOptions answer() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.AI)
        .setStartToCloseTimeout(Duration.ofSeconds(60))
        .setScheduleToCloseTimeout(Duration.ofSeconds(90))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofSeconds(10))
            .setMaximumAttempts(4)
            .setDoNotRetry(ChatFailure.types())
            .build())
        .build();
  }

  private static ActivityOptions database() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.IO)
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setScheduleToCloseTimeout(Duration.ofSeconds(60))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofMillis(500))
            .setMaximumInterval(Duration.ofSeconds(5))
            .setDoNotRetry(ChatFailure.types())
            .build())
        .build();
  }
}
