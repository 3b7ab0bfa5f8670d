package dev.vocero.activities.compliance;

import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The time-skipping server's time, for the activities' "now" (the gate's decisions). */
final class ServerClock extends Clock {
  private final TestWorkflowEnvironment env;

  ServerClock(TestWorkflowEnvironment env) {
    this.env = env;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }
}
