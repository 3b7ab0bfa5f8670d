package dev.vocero.workers.health;

import com.codahale.metrics.health.HealthCheck;
import dev.vocero.workers.temporal.VoceroWorkers;

/** The worker factory is started and polling. */
public class WorkerHealthCheck extends HealthCheck {
  private final VoceroWorkers workers;

  public WorkerHealthCheck(VoceroWorkers workers) {
    this.workers = workers;
  }

  @Override
  protected Result check() {
    return workers.running() ? Result.healthy("polling") : Result.unhealthy("worker factory is not running");
  }
}
