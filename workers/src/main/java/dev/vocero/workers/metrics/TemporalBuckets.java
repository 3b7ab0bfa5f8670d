package dev.vocero.workers.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Nine latency buckets instead of Micrometer's 69 for the Temporal SDK's timers: with one series per activity type,
 * operation and task queue, the default buckets made a scrape of a small {@code dev} run weigh 1.6 MB.
 */
final class TemporalBuckets implements MeterFilter {
  static final double[] BOUNDS_NANOS = LongStream.of(10, 50, 100, 250, 500, 1_000, 5_000, 10_000, 60_000)
      .mapToDouble(millis -> Duration.ofMillis(millis).toNanos()).toArray();

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (!id.getName().startsWith("temporal")) {
      return config;
    }
    return DistributionStatisticConfig.builder().percentilesHistogram(false).serviceLevelObjectives(BOUNDS_NANOS)
        .build().merge(config);
  }
}
