package dev.vocero.workers.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Metered;
import com.codahale.metrics.Sampling;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Dropwizard's registry (JVM, Jetty, Jersey, the connection pool) read at each scrape: gauges and counters as gauges,
 * meters as counters, timers as summaries in seconds and histograms as summaries. A name that does not survive
 * Prometheus' naming rules, or that another metric already took, is left out.
 */
final class DropwizardCollector implements MultiCollector {
  private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.99};
  private static final double SECONDS_PER_NANO = 1.0 / TimeUnit.SECONDS.toNanos(1);
  private final MetricRegistry registry;

  DropwizardCollector(MetricRegistry registry) {
    this.registry = registry;
  }

  @Override
  public MetricSnapshots collect() {
    List<MetricSnapshot> snapshots = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Map.Entry<String, Metric> entry : registry.getMetrics().entrySet()) {
      Metric metric = entry.getValue();
      String name = name(entry.getKey(), metric instanceof Timer ? "_seconds" : "");
      if (name == null || !taken.add(name)) {
        continue;
      }
      MetricSnapshot snapshot = snapshot(name, entry.getKey(), metric);
      if (snapshot != null) {
        snapshots.add(snapshot);
      }
    }
    return new MetricSnapshots(snapshots);
  }

  private static MetricSnapshot snapshot(String name, String dropwizardName, Metric metric) {
    String help = "Dropwizard metric " + dropwizardName;
    if (metric instanceof Gauge<?> gauge) {
      Object value = value(gauge);
      return value instanceof Number number ? gauge(name, help, number.doubleValue())
          : value instanceof Boolean bool ? gauge(name, help, bool ? 1 : 0) : null;
    }
    if (metric instanceof Counter counter) {
      return gauge(name, help, counter.getCount());
    }
    if (metric instanceof Timer timer) {
      return summary(name, help, timer.getCount(), timer.getSnapshot(), SECONDS_PER_NANO);
    }
    if (metric instanceof Sampling sampling && metric instanceof com.codahale.metrics.Histogram histogram) {
      return summary(name, help, histogram.getCount(), sampling.getSnapshot(), 1);
    }
    if (metric instanceof Metered meter) {
      return CounterSnapshot.builder().name(name).help(help)
          .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(meter.getCount()).build()).build();
    }
    return null;
  }

  private static Object value(Gauge<?> gauge) {
    try {
      return gauge.getValue();
    } catch (RuntimeException e) {
      return null; // a gauge whose source is gone (a closed pool) is left out of this scrape
    }
  }

  private static GaugeSnapshot gauge(String name, String help, double value) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
  }

  private static SummarySnapshot summary(String name, String help, long count, Snapshot snapshot, double scale) {
    Quantiles.Builder quantiles = Quantiles.builder();
    for (double q : QUANTILES) {
      quantiles.quantile(q, snapshot.getValue(q) * scale);
    }
    return SummarySnapshot.builder().name(name).help(help)
        .dataPoint(SummarySnapshot.SummaryDataPointSnapshot.builder().count(count).quantiles(quantiles.build()).build())
        .build();
  }

  /** Prometheus' form of a Dropwizard name, or null when it has none. */
  static String name(String dropwizardName, String suffix) {
    try {
      String name = PrometheusNaming.sanitizeMetricName(dropwizardName.replaceAll("[^A-Za-z0-9_:]", "_") + suffix);
      return PrometheusNaming.isValidLegacyMetricName(name) ? name : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
