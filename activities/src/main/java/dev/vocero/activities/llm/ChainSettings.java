package dev.vocero.activities.llm;

import java.time.Duration;

/**
 * Resilience of the provider chain.
 *
 * @param cacheMaxEntries      identical requests answered from memory; 0 disables the cache
 * @param cacheTtl             how long a cached answer is reused
 * @param failureRatePercent   a provider's breaker opens when this share of the last calls failed
 * @param slidingWindowCalls   how many recent calls the breaker looks at
 * @param minimumCalls         calls needed before the breaker may open
 * @param openFor              how long an open breaker skips the provider before trying it again
 * @param maxAttempts          attempts per provider for transient failures (1 = no retry)
 * @param initialBackoff       first wait when the provider sent no Retry-After; doubles per attempt
 * @param maxRetryWait         longest wait inside one call; a longer Retry-After moves on to the next provider
 */
public record ChainSettings(int cacheMaxEntries, Duration cacheTtl, int failureRatePercent, int slidingWindowCalls,
    int minimumCalls, Duration openFor, int maxAttempts, Duration initialBackoff, Duration maxRetryWait) {

  public static ChainSettings defaults() {
    return new ChainSettings(1000, Duration.ofHours(1), 50, 10, 5, Duration.ofSeconds(30), 3,
        Duration.ofMillis(500), Duration.ofSeconds(10));
  }

  public ChainSettings {
    if (cacheMaxEntries < 0 || failureRatePercent < 1 || failureRatePercent > 100 || slidingWindowCalls < 1
        || minimumCalls < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("invalid language-model chain settings: " + cacheMaxEntries + "/"
          + failureRatePercent + "/" + slidingWindowCalls + "/" + minimumCalls + "/" + maxAttempts);
    }
  }
}
