package dev.vocero.workers.health;

import com.codahale.metrics.health.HealthCheck;
import dev.vocero.workers.temporal.TemporalConnection;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import java.util.concurrent.TimeUnit;

/** Temporal is reachable and our namespace exists. */
public class TemporalHealthCheck extends HealthCheck {
  private final TemporalConnection temporal;

  public TemporalHealthCheck(TemporalConnection temporal) {
    this.temporal = temporal;
  }

  @Override
  protected Result check() {
    try {
      temporal.stubs().blockingStub().withDeadlineAfter(3, TimeUnit.SECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(temporal.namespace()).build());
      return Result.healthy("namespace " + temporal.namespace() + " reachable");
    } catch (RuntimeException e) {
      return Result.unhealthy("Temporal namespace " + temporal.namespace() + " not reachable: " + e.getMessage());
    }
  }
}
