package dev.vocero.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vocero.api.errors.ApiException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Token buckets (bucket4j) per e-mail and per client address, so neither guessing style gets far. */
public class LoginRateLimiter {
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
  private final int perMinute;

  public LoginRateLimiter(int perMinute) {
    this.perMinute = perMinute;
  }

  /** Throws 429 with Retry-After when either the e-mail or the address has used up its attempts. */
  public void check(String email, String clientAddress) {
    check("email:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT)));
    check("addr:" + clientAddress);
  }

  private void check(String key) {
    Bucket bucket = buckets.get(key, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1);
      throw new ApiException(429, "too_many_attempts",
          "Too many login attempts. Wait " + wait.toSeconds() + " seconds and try again.", List.of(), wait);
    }
  }
}
