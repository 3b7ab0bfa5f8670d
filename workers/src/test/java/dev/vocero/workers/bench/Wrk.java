package dev.vocero.workers.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The external HTTP load generator {@code wrk} (Debian package {@code wrk}), run by a benchmark with a Lua script whose
 * {@code done()} prints {@code WRK|name|value} lines (see {@code bench/webhook-intake.lua}). The binary is
 * {@code bench.wrk} ({@code wrk} on the PATH by default; {@code none} skips it).
 */
final class Wrk {
  static final String BINARY = System.getProperty("bench.wrk", "wrk");

  /**
   * One run's figures, as the script's {@code done()} reported them, and the CPU this JVM (the server: wrk is another
   * process) used meanwhile: a cost per request that depends much less on what else runs on the machine.
   */
  record Result(long requests, double seconds, double p50Ms, double p99Ms, double maxMs, long socketErrors,
      long non2xx, long distinct, long redelivered, double jvmCpuSeconds, Map<String, Long> threadCpuNanos) {
    double throughput() {
      return requests / seconds;
    }

    double cpuMicrosPerRequest() {
      return jvmCpuSeconds * 1e6 / requests;
    }

    /** CPU µs per request of one thread group (see {@link #group}); threads that ended meanwhile are not counted. */
    double cpuMicrosPerRequest(String group) {
      return threadCpuNanos.getOrDefault(group, 0L) / 1e3 / requests;
    }
  }

  private Wrk() {}

  /** Why wrk cannot run here, or empty when it can. */
  static Optional<String> unavailable() {
    if ("none".equals(BINARY)) {
      return Optional.of("bench.wrk=none");
    }
    try {
      Process p = new ProcessBuilder(BINARY, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes(); // wrk prints its version and usage, exit code 1
      p.waitFor(10, TimeUnit.SECONDS);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("'" + BINARY + "' not found (apt-get install wrk, or -Dbench.wrk=/path/to/wrk)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /** Runs {@code wrk -t threads -c connections -d seconds --latency -s script url -- args...} and parses its report. */
  static Result run(int threads, int connections, int seconds, String url, Path script, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(BINARY, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
        "--timeout", "10s", "--latency", "-s", script.toString(), url));
    if (args.length > 0) {
      command.add("--");
      command.addAll(List.of(args));
    }
    long cpuBefore = jvmCpuNanos();
    Map<Long, Long> threadsBefore = threadCpu();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("wrk did not finish: " + output);
    }
    double cpuSeconds = (jvmCpuNanos() - cpuBefore) / 1e9;
    Map<String, Long> byGroup = new TreeMap<>();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    threadCpu().forEach((id, nanos) -> {
      ThreadInfo info = mx.getThreadInfo(id);
      if (info != null) {
        byGroup.merge(group(info.getThreadName()), nanos - threadsBefore.getOrDefault(id, 0L), Long::sum);
      }
    });
    Map<String, Long> figures = new HashMap<>();
    output.lines().filter(line -> line.startsWith("WRK|")).map(line -> line.split("\\|"))
        .forEach(f -> figures.put(f[1], Long.parseLong(f[2].trim())));
    if (p.exitValue() != 0 || !figures.containsKey("requests")) {
      throw new IllegalStateException("wrk exited " + p.exitValue() + " without its figures: " + output);
    }
    return new Result(figures.get("requests"), figures.get("duration_us") / 1e6, figures.get("p50_us") / 1e3,
        figures.get("p99_us") / 1e3, figures.get("max_us") / 1e3, figures.get("socket_errors"),
        figures.get("non_2xx"), figures.get("distinct"), figures.get("redelivered"), cpuSeconds, byGroup);
  }

  /**
   * The thread group a thread's CPU is counted in: {@code jetty} (the application connector's pool, dw-N, renamed
   * per request), {@code admin} (the admin connector's pool, the no-op), {@code writers} (the status intake's
   * group-commit writers) or {@code other} (Temporal, relays, JIT, GC, the benchmark's own threads...).
   */
  static String group(String threadName) {
    if (threadName.startsWith("dw-admin")) {
      return "admin";
    }
    if (threadName.startsWith("dw-")) {
      return "jetty";
    }
    return threadName.startsWith("vocero-status-intake") ? "writers" : "other";
  }

  private static Map<Long, Long> threadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long nanos = threads.getThreadCpuTime(id);
      if (nanos >= 0) {
        cpu.put(id, nanos);
      }
    }
    return cpu;
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
