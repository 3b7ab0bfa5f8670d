package dev.vocero.activities.telephony;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * When to ask a throttled or failing provider again: never sooner than its {@code Retry-After} (at most
 * {@link #LONGEST}), and never sooner than the activity's own backoff, which a shorter {@code Retry-After} would
 * otherwise replace (Temporal's next-retry delay overrides the policy's interval).
 */
public final class ProviderBackoff {
  /** A provider asking for longer is asked again after this; the retry policy still bounds the attempts. */
  static final Duration LONGEST = Duration.ofMinutes(5);

  private ProviderBackoff() {}

  /** The delay for {@code ApplicationFailure.setNextRetryDelay}; null (the policy's own backoff) without Retry-After. */
  public static Duration nextRetryDelay(Duration retryAfter) {
    if (retryAfter == null) {
      return null;
    }
    Duration asked = retryAfter.compareTo(LONGEST) > 0 ? LONGEST : retryAfter;
    Duration own = policyBackoff();
    return own.compareTo(asked) > 0 ? own : asked;
  }

  /** What the retry policy would wait after this attempt (zero outside an activity). */
  private static Duration policyBackoff() {
    ActivityInfo info;
    try {
      info = Activity.getExecutionContext().getInfo();
    } catch (IllegalStateException notInAnActivity) {
      return Duration.ZERO;
    }
    RetryOptions retry = info.getRetryOptions();
    if (retry == null || retry.getInitialInterval() == null) {
      return Duration.ZERO;
    }
    double coefficient = retry.getBackoffCoefficient() > 0 ? retry.getBackoffCoefficient() : 2.0;
    double millis = retry.getInitialInterval().toMillis() * Math.pow(coefficient, Math.max(0, info.getAttempt() - 1));
    Duration maximum = retry.getMaximumInterval() != null ? retry.getMaximumInterval()
        : retry.getInitialInterval().multipliedBy(100);
    return millis >= maximum.toMillis() ? maximum : Duration.ofMillis((long) millis);
  }
}
