package dev.vocero.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vocero.api.errors.ApiException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Limits password guessing without letting a guesser lock a person out (token buckets, bucket4j):
 * <ul>
 *   <li>per client address, every attempt: {@code perMinute} a minute;</li>
 *   <li>per account and address, failures: {@code perMinute} a minute, so one address guesses one account slowly
 *       while the owner, from another address, is not affected;</li>
 *   <li>per account, failures from everywhere: {@code perMinute × 10} an hour. When a distributed guess has used
 *       those up, only addresses that have logged in to the account before may still try.</li>
 * </ul>
 */
public class LoginRateLimiter {
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .maximumSize(200_000).expireAfterAccess(Duration.ofHours(1)).build();
  private final Cache<String, Boolean> knownAddresses = Caffeine.newBuilder()
      .maximumSize(200_000).expireAfterWrite(Duration.ofDays(30)).build();
  private final int perMinute;

  public LoginRateLimiter(int perMinute) {
    this.perMinute = perMinute;
  }

  /** Before an attempt: 429 with Retry-After when this address, or this address on this account, must wait. */
  public void check(String email, String address) {
    ConsumptionProbe attempt = bucket("addr:" + address, perMinute, Duration.ofMinutes(1)).tryConsumeAndReturnRemaining(1);
    if (!attempt.isConsumed()) {
      throw tooMany(attempt.getNanosToWaitForRefill());
    }
    String account = account(email);
    if (account.isEmpty()) {
      return;
    }
    requireLeft(bucket("pair:" + account + "|" + address, perMinute, Duration.ofMinutes(1)));
    if (knownAddresses.getIfPresent(account + "|" + address) == null) {
      requireLeft(accountBucket(account));
    }
  }

  /** After a wrong password: counts against this address on this account and against the account. */
  public void failed(String email, String address) {
    String account = account(email);
    bucket("pair:" + account + "|" + address, perMinute, Duration.ofMinutes(1)).tryConsume(1);
    accountBucket(account).tryConsume(1);
  }

  /** After a successful login: this address may keep trying this account while others guess it. */
  public void succeeded(String email, String address) {
    knownAddresses.put(account(email) + "|" + address, Boolean.TRUE);
  }

  private Bucket accountBucket(String account) {
    return bucket("account:" + account, perMinute * 10, Duration.ofHours(1));
  }

  private static String account(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  private Bucket bucket(String key, int capacity, Duration period) {
    return buckets.get(key, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
        .build());
  }

  /** Failure buckets are only looked at here: {@link #failed} spends them. */
  private static void requireLeft(Bucket bucket) {
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    if (!probe.canBeConsumed()) {
      throw tooMany(probe.getNanosToWaitForRefill());
    }
  }

  private static ApiException tooMany(long nanosToWait) {
    Duration wait = Duration.ofNanos(nanosToWait).plusSeconds(1);
    return new ApiException(429, "too_many_attempts",
        "Too many login attempts. Wait " + wait.toSeconds() + " seconds and try again.", List.of(), wait);
  }
}
