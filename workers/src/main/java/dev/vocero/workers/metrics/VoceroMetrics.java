package dev.vocero.workers.metrics;

import com.codahale.metrics.MetricRegistry;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.dropwizard.core.setup.AdminEnvironment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.metrics.servlets.MetricsServlet;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/**
 * One Prometheus registry per process: Dropwizard's metrics (read at each scrape), the Temporal SDK's (through its
 * Micrometer reporter) and Vocero's own {@code vocero_} meters. Served on the admin port at {@code /metrics}; Dropwizard's
 * JSON view moves to {@code /metrics.json}.
 */
public final class VoceroMetrics implements Managed {
  /** How often the Temporal SDK's Tally scope reports into Micrometer. */
  static final int TEMPORAL_REPORT_SECONDS = 5;

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MetricRegistry dropwizard;
  private final Scope temporalScope;

  public VoceroMetrics(MetricRegistry dropwizard) {
    this.dropwizard = dropwizard;
    registry.config().meterFilter(new TemporalBuckets()); // before the SDK's first timer exists
    this.temporalScope = new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(com.uber.m3.util.Duration.ofSeconds(TEMPORAL_REPORT_SECONDS));
    registry.getPrometheusRegistry().register(new DropwizardCollector(dropwizard));
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** For the Temporal service stubs: client and worker metrics, named {@code temporal_…}. */
  public Scope temporalScope() {
    return temporalScope;
  }

  public void serveOn(AdminEnvironment admin) {
    admin.addServlet("prometheus", new PrometheusServlet(registry)).addMapping("/metrics");
    admin.addServlet("metrics-json", new MetricsServlet(dropwizard)).addMapping("/metrics.json");
  }

  @Override
  public void stop() throws Exception {
    temporalScope.close();
    registry.close();
  }
}
