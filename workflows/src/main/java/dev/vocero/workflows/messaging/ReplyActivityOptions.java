package dev.vocero.workflows.messaging;

import dev.vocero.workflows.common.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Timeouts and retries of an automatic reply: a customer waits, so the model gets a few minutes at most. */
final class ReplyActivityOptions {

  private ReplyActivityOptions() {}

  static ActivityOptions io() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.IO)
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(500))
            .setMaximumInterval(Duration.ofSeconds(30)).build())
        .build();
  }

  static ActivityOptions compose() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.AI)
        .setStartToCloseTimeout(Duration.ofSeconds(60))
        .setScheduleToCloseTimeout(Duration.ofMinutes(5))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1)).setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofSeconds(30)).setMaximumAttempts(5)
            .setDoNotRetry(MessageFailure.REPLY_MODEL_REJECTED.type()).build())
        .build();
  }

  /** Sending is effectively-once (a retry finds the recorded reply and the provider's copy), so retries are safe. */
  static ActivityOptions send() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.TELEPHONY)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(2)).setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofMinutes(1)).setMaximumAttempts(MessageActivityOptions.SEND_ATTEMPTS)
            .setDoNotRetry(MessageFailure.MESSAGE_REJECTED.type()).build())
        .build();
  }
}
