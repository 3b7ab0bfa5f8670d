package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.common.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Timeouts and retries of the campaign's activities: PostgreSQL and Temporal calls that must eventually work. */
final class CampaignActivityOptions {

  private CampaignActivityOptions() {}

  static ActivityOptions io() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.IO)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setMaximumInterval(Duration.ofSeconds(30))
            .setMaximumAttempts(0)
            .build())
        .build();
  }
}
