package dev.vocero.activities.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The next retry of a throttled provider call: the provider's Retry-After, but never sooner than the policy's backoff. */
class ProviderBackoffTest {
  private TestActivityEnvironment env;
  private Delays delays;

  @ActivityInterface
  public interface Delays {
    /** The delay ProviderBackoff picks inside an activity for a Retry-After of this many ms (-1: none); null: none. */
    Long nextRetryDelayMillis(long retryAfterMillis);
  }

  static final class DelaysImpl implements Delays {
    @Override
    public Long nextRetryDelayMillis(long retryAfterMillis) {
      Duration delay = ProviderBackoff.nextRetryDelay(retryAfterMillis < 0 ? null : Duration.ofMillis(retryAfterMillis));
      return delay == null ? null : delay.toMillis();
    }
  }

  @BeforeEach
  void start() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new DelaysImpl());
    // the test environment hands the activity Temporal's default policy (first retry after 1 s)
    delays = env.newActivityStub(Delays.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void givenARetryAfterLongerThanTheBackoff_itShouldWaitWhatTheProviderAsked() {
    assertEquals(5_000L, delays.nextRetryDelayMillis(5_000));
  }

  @Test
  void givenARetryAfterShorterThanTheBackoff_itShouldKeepTheBackoff() {
    assertEquals(1_000L, delays.nextRetryDelayMillis(300));
  }

  @Test
  void givenAnAbsurdRetryAfter_itShouldWaitAtMostFiveMinutes() {
    assertEquals(ProviderBackoff.LONGEST.toMillis(), delays.nextRetryDelayMillis(Duration.ofDays(2).toMillis()));
  }

  @Test
  void givenNoRetryAfter_itShouldLeaveThePolicyAlone() {
    assertNull(delays.nextRetryDelayMillis(-1));
    assertNull(ProviderBackoff.nextRetryDelay(null));
  }
}
