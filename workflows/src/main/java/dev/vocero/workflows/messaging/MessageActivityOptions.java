package dev.vocero.workflows.messaging;

import dev.vocero.workflows.common.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Timeouts and retries of the wave's activities; they live with the workflow. */
final class MessageActivityOptions {
  /**
   * Provider outages (429, 5xx, network) are retried this many times, 2 s doubling to a minute (about five minutes,
   * longer when the provider's Retry-After says so); a refusal (MessageRejected) never.
   */
  static final int SEND_ATTEMPTS = 10;

  private MessageActivityOptions() {}

  static ActivityOptions io() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.IO)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
            .setMaximumInterval(Duration.ofSeconds(30)).setMaximumAttempts(0).build())
        .build();
  }

  /** Sending is effectively-once (a retry finds the recorded message and the provider's copy), so retries are safe. */
  static ActivityOptions send() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.TELEPHONY)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(2))
            .setBackoffCoefficient(2.0).setMaximumInterval(Duration.ofMinutes(1)).setMaximumAttempts(SEND_ATTEMPTS)
            .setDoNotRetry(MessageFailure.types()).build())
        .build();
  }
}
