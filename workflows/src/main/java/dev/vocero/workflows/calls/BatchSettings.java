package dev.vocero.workflows.calls;

import java.util.Map;

/**
 * Pace, retries and compliance of one batch, as validated by the API.
 *
 * @param callsPerSecond      paced call starts per second (&gt; 0)
 * @param maxConcurrentCalls  calls in flight at once (sliding window)
 * @param maxAttempts         dial attempts per contact, across its phone numbers
 * @param retryDelaySeconds   wait before the next attempt, by disposition wire name (e.g. "no_answer" → 3600)
 * @param jurisdiction        calling-window preset: US, CO, MX, ES, CL (or CUSTOM with {@code customWindows})
 * @param customWindows       "MON-FRI 09:00-18:00" style rules, used when jurisdiction is CUSTOM
 * @param weeklyCapPerPhone   attempts per phone number per rolling 7 days, across all batches
 * @param answerTimeoutSeconds how long to wait for the provider's terminal event before polling it
 * @param deadlineEpochMs     no call starts after this instant (0 = none): contacts left get window_expired
 */
public record BatchSettings(
    double callsPerSecond,
    int maxConcurrentCalls,
    int maxAttempts,
    Map<String, Long> retryDelaySeconds,
    String jurisdiction,
    java.util.List<String> customWindows,
    int weeklyCapPerPhone,
    long answerTimeoutSeconds,
    long deadlineEpochMs) {

  /** Delay before retrying after {@code disposition}; dispositions without an entry are not retried. */
  public long retryDelayFor(Disposition disposition) {
    Long delay = retryDelaySeconds == null ? null : retryDelaySeconds.get(disposition.wire());
    return delay == null ? -1 : delay;
  }

  public BatchSettings withPace(double newCallsPerSecond, int newMaxConcurrentCalls) {
    return new BatchSettings(newCallsPerSecond, newMaxConcurrentCalls, maxAttempts, retryDelaySeconds, jurisdiction,
        customWindows, weeklyCapPerPhone, answerTimeoutSeconds, deadlineEpochMs);
  }
}
