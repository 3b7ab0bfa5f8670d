package dev.vocero.workflows.calls;

import dev.vocero.workflows.audio.AudioFailure;
import dev.vocero.workflows.common.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

/** Timeouts and retries of the batch and contact-call activities; they live with the workflows. */
final class CallActivityOptions {

  private CallActivityOptions() {}

  /** PostgreSQL reads and writes must eventually succeed: spaced retries without a cap, for 10 minutes. */
  static ActivityOptions io() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.IO)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofSeconds(30))
                .setMaximumAttempts(0)
                .build())
        .build();
  }

  /**
   * A recording download can take minutes for a long call; the provider may need a moment before the file is
   * ready, so a few spaced retries; a refused download (RecordingUnavailable) is final.
   */
  static ActivityOptions storeRecording() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.IO)
        .setStartToCloseTimeout(Duration.ofMinutes(5))
        .setScheduleToCloseTimeout(Duration.ofMinutes(30))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(5))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(2))
                .setMaximumAttempts(8)
                .setDoNotRetry(Stream.concat(Arrays.stream(AudioFailure.types()),
                    Stream.of(CallFailure.RECORDING_UNAVAILABLE.type())).toArray(String[]::new))
                .build())
        .build();
  }

  /**
   * The same PostgreSQL steps run as local activities (since contact-call "local-steps" v1): in the workflow task,
   * without a round trip through the server per step.
   */
  static LocalActivityOptions localIo() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofSeconds(30))
                .setMaximumAttempts(0)
                .build())
        .build();
  }

  /** Dialing is effectively-once (a retry finds the attempt's provider call), so a few retries are safe. */
  static ActivityOptions placeCall() {
    return telephony(Duration.ofMinutes(1));
  }

  static ActivityOptions pollCall() {
    return telephony(Duration.ofSeconds(30));
  }

  /**
   * Ten spaced tries on the telephony queue (2 s doubling to the maximum: a provider outage or rate limit of a few
   * minutes, longer when its Retry-After says so); typed failures (invalid number…) are final.
   */
  private static ActivityOptions telephony(Duration maximumInterval) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.TELEPHONY)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(2))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(maximumInterval)
                .setMaximumAttempts(10)
                .setDoNotRetry(doNotRetry())
                .build())
        .build();
  }

  private static String[] doNotRetry() {
    return Stream.concat(Arrays.stream(AudioFailure.types()), Stream.of(CallFailure.INVALID_NUMBER.type()))
        .toArray(String[]::new);
  }
}
