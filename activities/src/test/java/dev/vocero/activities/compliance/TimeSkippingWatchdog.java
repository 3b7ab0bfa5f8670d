package dev.vocero.activities.compliance;

import io.temporal.api.testservice.v1.UnlockTimeSkippingRequest;
import io.temporal.serviceclient.TestServiceStubs;
import io.temporal.serviceclient.TestServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sleeps on the time-skipping test server, and gives back a time-skipping lock the server leaked.
 *
 * <p>The test server skips time only while nothing holds its lock count above zero; a workflow task or an activity task
 * in flight holds one. Some of its paths take a lock they never give back (open upstream: temporalio/sdk-java#1138,
 * #2642, #2670), and from then on its clock runs at wall speed: a month's simulation would take a month. That happened
 * in about one run in ten here, always with every workflow waiting on a timer and nothing running.
 *
 * <p>So while the test sleeps, this checks every {@code period}: if the server's clock moved no faster than the wall
 * clock (it was not skipping) and this JVM used almost no CPU (no task was being worked on), the lock is leaked, and
 * it is given back once through the test service's own {@code unlockTimeSkipping}. What held it is printed (read from
 * the server's lock log, best effort), for an upstream report. Nothing the test checks depends on this: it only lets the
 * simulated month end.
 */
final class TimeSkippingWatchdog implements AutoCloseable {
  /** Less CPU than this per period (both cores together) counts as idle. */
  private static final double IDLE_CPU_SHARE = 0.03;

  private final TestWorkflowEnvironment env;
  private final TestServiceStubs testService;
  private final long periodMillis;
  private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "time-skipping-watchdog");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger released = new AtomicInteger();
  private volatile boolean sleeping;
  private long lastServerMillis;
  private long lastWallNanos;
  private long lastCpuNanos;

  TimeSkippingWatchdog(TestWorkflowEnvironment env, Duration period) {
    this.env = env;
    this.periodMillis = period.toMillis();
    this.testService = TestServiceStubs.newServiceStubs(TestServiceStubsOptions.newBuilder()
        .setChannel(env.getWorkflowServiceStubs().getRawChannel()).validateAndBuildWithDefaults());
    checks.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** {@link TestWorkflowEnvironment#sleep}, watched. */
  void sleep(Duration duration) {
    synchronized (this) {
      lastServerMillis = env.currentTimeMillis();
      lastWallNanos = System.nanoTime();
      lastCpuNanos = processCpuNanos();
      sleeping = true;
    }
    try {
      env.sleep(duration);
    } finally {
      sleeping = false;
    }
  }

  /** How many leaked locks were given back. */
  int released() {
    return released.get();
  }

  private synchronized void check() {
    if (!sleeping) {
      return;
    }
    long server = env.currentTimeMillis();
    long wall = System.nanoTime();
    long cpu = processCpuNanos();
    long wallMillis = (wall - lastWallNanos) / 1_000_000;
    boolean notSkipping = server - lastServerMillis <= wallMillis + 1_000;
    boolean idle = cpu >= 0 && cpu - lastCpuNanos < IDLE_CPU_SHARE * wallMillis * 1_000_000;
    if (notSkipping && idle && wallMillis >= periodMillis && sleeping) {
      String holders = holders();
      testService.blockingStub().unlockTimeSkipping(UnlockTimeSkippingRequest.getDefaultInstance());
      System.out.printf("Time-skipping watchdog: the test server's clock crawled for %d ms with nothing running;"
          + " gave back a leaked lock (%d so far). Last lock events: %s%n", wallMillis, released.incrementAndGet(),
          holders);
    }
    lastServerMillis = env.currentTimeMillis();
    lastWallNanos = System.nanoTime();
    lastCpuNanos = processCpuNanos();
  }

  /** The server's most recent lock events, read from its internals; "unknown" when they cannot be read. */
  private String holders() {
    try {
      Object service = field(env, "service");
      Object timer = field(service, "selfAdvancingTimer");
      Object count = field(timer, "lockCount");
      List<String> last = new ArrayList<>();
      synchronized (timer) {
        for (Object event : new ArrayList<>((List<?>) field(timer, "lockEvents"))) {
          last.add(field(event, "lockType") + " " + field(event, "caller"));
        }
      }
      return "lock count " + count + ", " + last.subList(Math.max(0, last.size() - 12), last.size());
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "unknown (" + e + ")";
    }
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(name);
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }

  @Override
  public void close() {
    checks.shutdownNow();
    testService.shutdownNow();
  }
}
