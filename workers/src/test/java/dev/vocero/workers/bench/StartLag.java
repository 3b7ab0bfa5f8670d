package dev.vocero.workers.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Whether a batch's starts kept its pace, and whether its calls kept up with its starts: the rate at which the batch
 * initiated its children, and how long a child took from that to its call being placed, early and late in the run. A
 * start rate on pace with a placed rate below it and a lag that grows means the machine, not the pacing, fell behind.
 */
record StartLag(double steadyPerSecond, double earlyLagMillis, double lateLagMillis) {

  /**
   * @param initiated each child's workflow ID → when the batch initiated it (epoch ms)
   * @param placed    each placed call's child workflow ID and its {@code placed_at} (epoch ms), in placement order
   */
  static StartLag of(Map<String, Long> initiated, List<Map.Entry<String, Long>> placed) {
    long[] starts = initiated.values().stream().mapToLong(Long::longValue).sorted().toArray();
    int skip = (int) Math.floor(starts.length * 0.05);
    int from = skip;
    int to = starts.length - 1 - skip;
    double steady = to <= from || starts[to] == starts[from] ? Double.NaN
        : (to - from) / ((starts[to] - starts[from]) / 1000.0);
    long[] lags = placed.stream().filter(p -> initiated.containsKey(p.getKey()))
        .mapToLong(p -> p.getValue() - initiated.get(p.getKey())).toArray();
    int tenth = Math.max(1, lags.length / 10);
    return new StartLag(steady, median(Arrays.copyOfRange(lags, 0, Math.min(tenth, lags.length))),
        median(Arrays.copyOfRange(lags, Math.max(0, lags.length - tenth), lags.length)));
  }

  private static double median(long[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
