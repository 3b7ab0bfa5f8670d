package dev.vocero.workflows.audio;

import dev.vocero.workflows.common.TaskQueues;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Timeouts and retries of the audio activities; they live with the workflow, not the interface. */
final class AudioActivityOptions {

  private AudioActivityOptions() {}

  /**
   * Speech providers are slow and flaky: a few spaced retries, typed failures are final. Long audio is transcribed
   * in chunks that heartbeat their progress, so an attempt may run for hours while a stuck one is noticed after the
   * heartbeat timeout (longer than one chunk's request timeout) and retried from the last chunk done.
   */
  static ActivityOptions transcribe() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.AI)
        .setStartToCloseTimeout(Duration.ofHours(3))
        .setHeartbeatTimeout(Duration.ofMinutes(15))
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(2))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(2))
                .setMaximumAttempts(8)
                .setDoNotRetry(AudioFailure.types())
                .build())
        .build();
  }

  /**
   * The status mirror, as a local activity run by the workflow worker itself; it must eventually succeed, so it
   * retries without an attempt cap for 10 minutes.
   */
  static LocalActivityOptions recordStatusLocally() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(statusRetry())
        .build();
  }

  /**
   * A PostgreSQL step run as a local activity by the workflow worker, with the timeouts and retries it has as an
   * activity task: it then shares the workflow task that follows the transcription instead of costing a round trip of
   * its own (an activity task plus a workflow task).
   */
  static LocalActivityOptions locally(ActivityOptions remote) {
    LocalActivityOptions.Builder local = LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(remote.getStartToCloseTimeout())
        .setRetryOptions(remote.getRetryOptions());
    if (remote.getScheduleToCloseTimeout() != null) {
      local.setScheduleToCloseTimeout(remote.getScheduleToCloseTimeout());
    }
    return local.build();
  }

  private static RetryOptions statusRetry() {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setMaximumInterval(Duration.ofSeconds(30))
        .setMaximumAttempts(0)
        .build();
  }

  /** Plans and failure records are PostgreSQL writes; retried like the status mirror. */
  static ActivityOptions extractionRecords() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.IO)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(statusRetry())
        .build();
  }

  /**
   * One extractor: up to two LLM calls behind the provider chain's own bounded retries and fallback, so Temporal
   * retries a few times only, spaced (a provider's Retry-After becomes the next retry's delay).
   */
  static ActivityOptions extract() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.AI)
        .setStartToCloseTimeout(Duration.ofMinutes(5))
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(5))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(2))
                .setMaximumAttempts(4)
                .setDoNotRetry(AudioFailure.types())
                .build())
        .build();
  }

  static ActivityOptions findOpportunities() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.IO)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofSeconds(30))
                .setMaximumAttempts(5)
                .setDoNotRetry(AudioFailure.types())
                .build())
        .build();
  }
}
