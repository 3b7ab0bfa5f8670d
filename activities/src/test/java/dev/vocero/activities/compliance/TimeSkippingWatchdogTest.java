package dev.vocero.activities.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.testservice.v1.LockTimeSkippingRequest;
import io.temporal.serviceclient.TestServiceStubs;
import io.temporal.serviceclient.TestServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TimeSkippingWatchdogTest {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES) // without the watchdog the sleep below lasts a wall-clock hour
  void givenALeakedTimeSkippingLock_whenTheTestSleeps_theWatchdogShouldGiveItBackAndLetTheClockSkip() {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    TestServiceStubs testService = TestServiceStubs.newServiceStubs(TestServiceStubsOptions.newBuilder()
        .setChannel(env.getWorkflowServiceStubs().getRawChannel()).validateAndBuildWithDefaults());
    try (TimeSkippingWatchdog watchdog = new TimeSkippingWatchdog(env, Duration.ofSeconds(1))) {
      env.start();
      testService.blockingStub().lockTimeSkipping(LockTimeSkippingRequest.getDefaultInstance()); // the leak
      long before = env.currentTimeMillis();

      watchdog.sleep(Duration.ofHours(1));

      assertTrue(env.currentTimeMillis() - before >= Duration.ofHours(1).toMillis());
      assertEquals(1, watchdog.released());
    } finally {
      testService.shutdownNow();
      env.close();
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void givenNoLeak_whenTheTestSleeps_theWatchdogShouldGiveNothingBack() {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    try (TimeSkippingWatchdog watchdog = new TimeSkippingWatchdog(env, Duration.ofSeconds(1))) {
      env.start();
      watchdog.sleep(Duration.ofDays(30));
      assertEquals(0, watchdog.released());
    } finally {
      env.close();
    }
  }
}
