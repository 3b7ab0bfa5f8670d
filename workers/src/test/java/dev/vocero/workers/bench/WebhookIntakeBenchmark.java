package dev.vocero.workers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.domain.telephony.TwilioSignatures;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.VoceroApplication;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.ResourceHelpers;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Intake rate of signed Twilio status callbacks ({@code POST /webhooks/twilio/voice/status}) beside a same-run,
 * same-Jetty no-op baseline (the admin connector's {@code GET /ping}), a second no-op on the application connector
 * behind the same servlet filters ({@code /webhooks/bench/noop}, registered by {@link WithAppNoOp}), and the same
 * callbacks sent with a charset that {@code TwilioStatusFilter} leaves to the JAX-RS resource: the intake's path
 * before it bypassed Jersey, measured in the same run. Closed loop: {@code bench.threads} platform
 * threads (32) each send one request, wait for the answer, send the next. Reports; asserts only that every callback
 * answered 204 and left exactly one provider_events row. Excluded from the normal build; run it explicitly:
 *
 * <pre>./mvnw -q -o -pl workers verify -Dtest=WebhookIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Knobs: {@code bench.requests} (20000), {@code bench.warmup} (2000), {@code bench.threads} (32); for the wrk part
 * {@code bench.wrk} (the binary, {@code wrk}; {@code none} skips the part), {@code bench.wrkThreads} (2),
 * {@code bench.wrkConnections} (32), {@code bench.wrkSeconds} (10).
 *
 * <p>Every callback is for ONE attempt whose contact workflow was never started. Each request does: signature check
 * and one statement (find the attempt, insert provider_events, update call_attempts: the same row every time), then
 * 204. The measured run sends {@code ringing}, a status the contact workflow does not wait for: stored as delivered,
 * never signalled. A second run sends terminal statuses ({@code completed}, each its own event): answered after the
 * insert, then signalled on the delivery pool (NOT_FOUND, one gRPC round trip, then marked delivered); the run waits
 * until none is pending and counts what was lost.
 *
 * <p>Then, when {@code wrk} is installed, the same comparison from outside the JVM: wrk runs
 * {@code bench/webhook-intake.lua} against the no-op and against the intake, rotating pre-signed distinct callbacks read
 * from a file this class writes; provider_events must gain exactly one row per distinct callback wrk sent.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookIntakeBenchmark {
  static final int REQUESTS = Integer.getInteger("bench.requests", 20_000);
  static final int WARMUP = Integer.getInteger("bench.warmup", 2_000);
  static final int THREADS = Integer.getInteger("bench.threads", 32);
  static final double TARGET_PER_SECOND = 2_000;
  static final double TARGET_RATIO = 0.5;
  static final double TARGET_P99_MS = 50;
  static final int WRK_THREADS = Integer.getInteger("bench.wrkThreads", 2);
  static final int WRK_CONNECTIONS = Integer.getInteger("bench.wrkConnections", 32);
  static final int WRK_SECONDS = Integer.getInteger("bench.wrkSeconds", 10);
  static final int WRK_GRACE_SECONDS = 2;
  static final int WRK_MAX_POOL = 400_000;
  static final String TOKEN = "sandbox-auth-token";
  static final String CALL_SID = "CA" + "7".repeat(32);

  static final TestDatabase DB = TestDatabase.fresh();
  static final String APP_NOOP = "/webhooks/bench/noop";
  /** What the intake's path was before it bypassed Jersey: a charset other than UTF-8 is left to the JAX-RS resource. */
  static final String VIA_JERSEY = "application/x-www-form-urlencoded; charset=US-ASCII";
  static final String FORM = "application/x-www-form-urlencoded";
  static final DropwizardAppExtension<VoceroConfiguration> APP = BenchStack.app(WithAppNoOp.class, DB, "http://127.0.0.1:9");

  /**
   * The app plus a second no-op baseline on the APPLICATION connector, behind the same servlet filters as the intake
   * (body limit, drain, webhook metrics, Dropwizard's own): the admin {@code /ping} pays none of them.
   */
  public static class WithAppNoOp extends VoceroApplication {
    @Override
    public void run(VoceroConfiguration config, Environment env) throws Exception {
      super.run(config, env);
      env.servlets().addServlet("bench-noop", new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
          response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
      }).addMapping(APP_NOOP);
    }
  }

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .executor(Executors.newFixedThreadPool(8)).build();

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void statusCallbacksBesideANoOpEndpoint() throws Exception {
    Jdbi jdbi = DB.jdbi();
    UUID attemptId = attempt(jdbi);
    String query = "?attemptId=" + attemptId;
    String url = "http://localhost:" + APP.getLocalPort() + "/webhooks/twilio/voice/status" + query;
    URI ping = URI.create("http://localhost:" + APP.getAdminPort() + "/ping");
    URI appNoop = URI.create("http://localhost:" + APP.getLocalPort() + APP_NOOP);

    // Signed up front: the measured loop only sends.
    HttpRequest[] warmupCallbacks = callbacks(url, 0, WARMUP, "ringing", FORM);
    HttpRequest[] warmupJersey = callbacks(url, WARMUP, WARMUP, "ringing", VIA_JERSEY);
    HttpRequest[] callbacks = callbacks(url, 2 * WARMUP, REQUESTS, "ringing", FORM);
    HttpRequest[] jerseyCallbacks = callbacks(url, 2 * WARMUP + REQUESTS, REQUESTS, "ringing", VIA_JERSEY);
    HttpRequest[] terminalCallbacks = callbacks(url, 2 * WARMUP + 2 * REQUESTS, REQUESTS, "completed", FORM);
    IntFunction<Integer> pingOnce = i -> send(HttpRequest.newBuilder(ping).GET().build());
    IntFunction<Integer> appNoopOnce = i -> send(HttpRequest.newBuilder(appNoop).GET().build());

    closedLoop(WARMUP, pingOnce, 200);
    closedLoop(WARMUP, appNoopOnce, 204);
    closedLoop(WARMUP, i -> send(warmupCallbacks[i]), 204);
    closedLoop(WARMUP, i -> send(warmupJersey[i]), 204);

    Run noop = closedLoop(REQUESTS, pingOnce, 200);
    Run noopApp = closedLoop(REQUESTS, appNoopOnce, 204);
    Run intake = closedLoop(REQUESTS, i -> send(callbacks[i]), 204);
    Run jersey = closedLoop(REQUESTS, i -> send(jerseyCallbacks[i]), 204);
    Run noopAfter = closedLoop(REQUESTS, pingOnce, 200);
    Run terminal = closedLoop(REQUESTS, i -> send(terminalCallbacks[i]), 204);
    long drainStart = System.nanoTime();
    int pending = awaitNonePending(jdbi, attemptId);
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

    int sent = 2 * WARMUP + 3 * REQUESTS;
    Map<String, Integer> byState = jdbi.withHandle(h -> h.createQuery(
            "select state, count(*) as n from provider_events where attempt_id = :id group by state")
        .bind("id", attemptId).reduceRows(new LinkedHashMap<String, Integer>(), (m, r) -> {
          m.put(r.getColumn("state", String.class), r.getColumn("n", Integer.class));
          return m;
        }));
    int stored = byState.values().stream().mapToInt(Integer::intValue).sum();

    double ratio = intake.throughput() / noop.throughput();
    StringBuilder out = new StringBuilder("\n");
    out.append(String.format("Vocero webhook intake benchmark (%d signed Twilio status callbacks after %d warm-up, %d client"
        + " threads, JDK HttpClient HTTP/1.1, %d CPUs)%n", REQUESTS, WARMUP, THREADS, Runtime.getRuntime().availableProcessors()));
    out.append(String.format("%-48s %12s %8s %8s %8s%n", "", "throughput/s", "p50 ms", "p99 ms", "max ms"));
    out.append(row("no-op baseline: admin GET /ping (before)", noop));
    out.append(row("no-op baseline 2: app connector " + APP_NOOP, noopApp));
    out.append(row("intake: POST /webhooks/twilio/voice/status", intake));
    out.append(row("intake through Jersey (the path before)", jersey));
    out.append(row("no-op baseline: admin GET /ping (after)", noopAfter));
    out.append(row("intake, terminal (signalled after the 204)", terminal));
    out.append(String.format("  terminal callbacks still pending %.1f s after the last answer: %d%n", drainSeconds, pending));
    out.append(String.format("  target intake >= %.0f/s: %s (%.0f/s)%n", TARGET_PER_SECOND,
        intake.throughput() >= TARGET_PER_SECOND ? "PASS" : "FAIL", intake.throughput()));
    out.append(String.format("  target intake/no-op >= %.2f: %s (%.3f vs the 'before' baseline, %.3f vs 'after')%n",
        TARGET_RATIO, ratio >= TARGET_RATIO ? "PASS" : "FAIL", ratio, intake.throughput() / noopAfter.throughput()));
    out.append(String.format("  intake/app-connector no-op %.3f; intake/intake through Jersey %.2f (same run)%n",
        intake.throughput() / noopApp.throughput(), intake.throughput() / jersey.throughput()));
    out.append(String.format("  provider_events rows for the attempt: %d (sent %d = %d warm-up + %d measured): %s; by state %s%n",
        stored, sent, 2 * WARMUP, 3 * REQUESTS, stored == sent ? "none lost" : "MISMATCH", byState));
    out.append(String.format("  test PostgreSQL: fsync %s, synchronous_commit %s (a 204 waits for the commit, here not for the disk)%n",
        setting(jdbi, "fsync"), setting(jdbi, "synchronous_commit")));
    out.append("  'ringing' is stored as delivered (the workflow waits only for terminal statuses); each terminal callback"
        + " is signalled after its answer to a contact workflow that does not exist (NOT_FOUND, one gRPC round trip).\n");

    Optional<String> noWrk = Wrk.unavailable();
    WrkRuns wrk = null;
    if (noWrk.isPresent()) {
      out.append(String.format("%nwrk part SKIPPED: %s; the in-JVM figures above still stand.%n", noWrk.get()));
    } else {
      wrk = wrkRuns(jdbi, attemptId, url, ping.toString(), appNoop.toString(), sent, intake.throughput());
      out.append(wrk.report());
    }
    double p99 = percentile(intake.latenciesMs(), 99);
    out.append(bench("intake/s, in-JVM client", String.format("%.0f/s", intake.throughput()),
        String.format("≥ %.0f/s", TARGET_PER_SECOND), noopBaseline(noop.throughput()), intake.throughput() >= TARGET_PER_SECOND));
    out.append(bench("intake/no-op, in-JVM client", String.format("%.3f", ratio), String.format("≥ %.2f", TARGET_RATIO),
        noopBaseline(noop.throughput()), ratio >= TARGET_RATIO));
    out.append(bench("intake p99, in-JVM client", String.format("%.1f ms", p99), "≤ 50 ms",
        String.format("no-op p99 %.1f ms", percentile(noop.latenciesMs(), 99)), p99 <= TARGET_P99_MS));
    out.append(bench("intake/app-connector no-op, in-JVM client", String.format("%.3f", intake.throughput() / noopApp.throughput()),
        "—", String.format("no-op %s %.0f/s", APP_NOOP, noopApp.throughput()), true));
    out.append(bench("callbacks lost or doubled, in-JVM client", (sent - stored) + " of " + sent, "0",
        "rows counted in provider_events", stored == sent && pending == 0));
    if (wrk != null) {
      out.append(wrk.benchLines());
    }
    System.out.println(out);

    assertEquals(sent, stored, "one provider_events row per distinct callback");
    assertEquals(0, pending, "every signalled event delivered");
    if (wrk != null) {
      assertEquals(0, wrk.intake().socketErrors() + wrk.intake().non2xx(), "every wrk request answered 204");
      assertEquals(wrk.intake().distinct(), wrk.stored(), "one provider_events row per distinct callback wrk sent");
      assertEquals(0, wrk.jersey().socketErrors() + wrk.jersey().non2xx(), "every wrk request through Jersey answered 204");
      assertEquals(wrk.jersey().distinct(), wrk.storedJersey(), "one row per distinct callback wrk sent through Jersey");
    }
  }

  /**
   * wrk against the no-op, the app-connector no-op, the intake and the intake through Jersey (each with its own distinct
   * pre-signed callbacks), then the no-op again.
   */
  private static WrkRuns wrkRuns(Jdbi jdbi, UUID attemptId, String url, String ping, String appNoop, int firstSequence,
      double inJvmRate) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath();
    Path script = Path.of(ResourceHelpers.resourceFilePath("bench/webhook-intake.lua"));
    int distinctSeconds = Math.max(1, WRK_SECONDS - WRK_GRACE_SECONDS);
    // ample: wrk usually outpaces the JDK client; a thread that runs out redelivers what it sent (no new row)
    int pool = (int) Math.min(WRK_MAX_POOL, Math.max(20_000, 4 * inJvmRate * distinctSeconds));
    Path requests = dir.resolve("webhook-intake-requests.tsv");
    writeSigned(requests, url, firstSequence, pool);
    Path jerseyRequests = dir.resolve("webhook-intake-requests-jersey.tsv");
    writeSigned(jerseyRequests, url, firstSequence + pool, pool);
    Wrk.Result noop = Wrk.run(WRK_THREADS, WRK_CONNECTIONS, WRK_SECONDS, ping, script);
    Wrk.Result noopApp = Wrk.run(WRK_THREADS, WRK_CONNECTIONS, WRK_SECONDS, appNoop, script);
    int before = rows(jdbi, attemptId);
    Wrk.Result intake = Wrk.run(WRK_THREADS, WRK_CONNECTIONS, WRK_SECONDS, url, script, requests.toString(),
        String.valueOf(distinctSeconds), String.valueOf(WRK_THREADS));
    int afterIntake = settledRows(jdbi, attemptId);
    Wrk.Result jersey = Wrk.run(WRK_THREADS, WRK_CONNECTIONS, WRK_SECONDS, url, script, jerseyRequests.toString(),
        String.valueOf(distinctSeconds), String.valueOf(WRK_THREADS), VIA_JERSEY);
    int storedJersey = settledRows(jdbi, attemptId) - afterIntake;
    Wrk.Result noopAfter = Wrk.run(WRK_THREADS, WRK_CONNECTIONS, WRK_SECONDS, ping, script);
    return new WrkRuns(noop, noopApp, intake, jersey, noopAfter, afterIntake - before, storedJersey, pool);
  }

  record WrkRuns(Wrk.Result noop, Wrk.Result noopApp, Wrk.Result intake, Wrk.Result jersey, Wrk.Result noopAfter,
      int stored, int storedJersey, int pool) {
    double ratio() {
      return intake.throughput() / noop.throughput();
    }

    String report() {
      StringBuilder out = new StringBuilder(String.format("%nwrk (external load generator, -t%d -c%d -d%ds --latency,"
          + " bench/webhook-intake.lua; %d pre-signed distinct callbacks)%n", WRK_THREADS, WRK_CONNECTIONS, WRK_SECONDS, pool));
      out.append(String.format("%-48s %12s %8s %8s %8s %12s%n", "", "throughput/s", "p50 ms", "p99 ms", "max ms",
          "JVM CPU µs/req"));
      out.append(row("no-op baseline: admin GET /ping (before)", noop));
      out.append(row("no-op baseline 2: app connector " + APP_NOOP, noopApp));
      out.append(row("intake: POST /webhooks/twilio/voice/status", intake));
      out.append(row("intake through Jersey (the path before)", jersey));
      out.append(row("no-op baseline: admin GET /ping (after)", noopAfter));
      out.append(String.format("  intake: %d answered (%d distinct + %d redeliveries), %d non-2xx, %d socket errors;"
          + " provider_events gained %d rows for %d distinct: %s%n", intake.requests(), intake.distinct(),
          intake.redelivered(), intake.non2xx(), intake.socketErrors(), stored, intake.distinct(),
          stored == intake.distinct() ? "none lost, none doubled" : "MISMATCH"));
      out.append(String.format("  through Jersey: %d answered (%d distinct + %d redeliveries), %d non-2xx, %d socket errors;"
          + " provider_events gained %d rows for %d distinct: %s%n", jersey.requests(), jersey.distinct(),
          jersey.redelivered(), jersey.non2xx(), jersey.socketErrors(), storedJersey, jersey.distinct(),
          storedJersey == jersey.distinct() ? "none lost, none doubled" : "MISMATCH"));
      out.append(String.format("  JVM CPU µs per request by thread group: no-op %s; app no-op %s; intake %s; through Jersey %s;"
          + " no-op after %s%n", groups(noop), groups(noopApp), groups(intake), groups(jersey), groups(noopAfter)));
      out.append(String.format("  intake/app-connector no-op %.3f; intake/intake through Jersey %.2f; JVM CPU per request"
          + " %.0f µs vs %.0f µs through Jersey (same run)%n", intake.throughput() / noopApp.throughput(),
          intake.throughput() / jersey.throughput(), intake.cpuMicrosPerRequest(), jersey.cpuMicrosPerRequest()));
      out.append(String.format("  target intake >= %.0f/s: %s (%.0f/s); intake/no-op >= %.2f: %s (%.3f vs before, %.3f vs after)%n",
          TARGET_PER_SECOND, intake.throughput() >= TARGET_PER_SECOND ? "PASS" : "FAIL", intake.throughput(), TARGET_RATIO,
          ratio() >= TARGET_RATIO ? "PASS" : "FAIL", ratio(), intake.throughput() / noopAfter.throughput()));
      return out.toString();
    }

    String benchLines() {
      String baseline = noopBaseline(noop.throughput());
      boolean exact = stored == intake.distinct() && intake.non2xx() == 0 && intake.socketErrors() == 0
          && storedJersey == jersey.distinct() && jersey.non2xx() == 0 && jersey.socketErrors() == 0;
      return bench("intake/s, wrk", String.format("%.0f/s", intake.throughput()), String.format("≥ %.0f/s", TARGET_PER_SECOND),
          baseline, intake.throughput() >= TARGET_PER_SECOND)
          + bench("intake/no-op, wrk", String.format("%.3f", ratio()), String.format("≥ %.2f", TARGET_RATIO), baseline,
          ratio() >= TARGET_RATIO)
          + bench("intake p99, wrk", String.format("%.1f ms", intake.p99Ms()), "≤ 50 ms",
          String.format("no-op p99 %.1f ms", noop.p99Ms()), intake.p99Ms() <= TARGET_P99_MS)
          + bench("intake/app-connector no-op, wrk", String.format("%.3f", intake.throughput() / noopApp.throughput()), "—",
          String.format("no-op %s %.0f/s", APP_NOOP, noopApp.throughput()), true)
          + bench("intake JVM CPU per request, wrk", String.format("%.0f µs", intake.cpuMicrosPerRequest()), "—",
          String.format("through Jersey %.0f µs", jersey.cpuMicrosPerRequest()), true)
          + bench("callbacks lost or doubled, wrk", Math.abs(intake.distinct() - stored) + Math.abs(jersey.distinct()
              - storedJersey) + " of " + (intake.distinct() + jersey.distinct()), "0",
          "rows counted in provider_events", exact);
    }

    private static String groups(Wrk.Result r) {
      return r.threadCpuNanos().keySet().stream()
          .map(g -> String.format("%s %.0f", g, r.cpuMicrosPerRequest(g))).collect(Collectors.joining(", "));
    }

    private static String row(String label, Wrk.Result r) {
      return String.format("%-48s %12.0f %8.2f %8.2f %8.2f %12.0f%n", label, r.throughput(), r.p50Ms(), r.p99Ms(), r.maxMs(),
          r.cpuMicrosPerRequest());
    }
  }

  private static String noopBaseline(double perSecond) {
    return String.format("no-op GET /ping %.0f/s", perSecond);
  }

  /** One line for the lead's bench command: BENCH|row|figure|value|target|baseline|met. */
  static String bench(String figure, String value, String target, String baseline, boolean met) {
    return String.join("|", "BENCH", "webhook", figure, value, target, baseline, met ? "yes" : "no") + "\n";
  }

  /** One line per callback, "signature TAB form body", signed over {@code url} as the intake checks it. */
  private static void writeSigned(Path file, String url, int firstSequence, int count) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        Map<String, String> params = params(firstSequence + i + 1, "ringing");
        w.write(TwilioSignatures.sign(TOKEN, url, params));
        w.write('\t');
        w.write(form(params));
        w.write('\n');
      }
    }
  }

  private static String setting(Jdbi jdbi, String name) {
    return jdbi.withHandle(h -> h.createQuery("select current_setting(:name)").bind("name", name).mapTo(String.class).one());
  }

  private static int rows(Jdbi jdbi, UUID attemptId) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from provider_events where attempt_id = :id")
        .bind("id", attemptId).mapTo(Integer.class).one());
  }

  /** The row count once it has not moved for half a second (requests wrk left in flight are stored meanwhile). */
  private static int settledRows(Jdbi jdbi, UUID attemptId) throws InterruptedException {
    int last = -1;
    int now = rows(jdbi, attemptId);
    for (int i = 0; i < 60 && now != last; i++) {
      Thread.sleep(500);
      last = now;
      now = rows(jdbi, attemptId);
    }
    return now;
  }

  private static UUID attempt(Jdbi jdbi) {
    return CallFixtures.placedAttempt(jdbi, "sandbox", CALL_SID);
  }

  /** Polls (bounded, 2 minutes) until no event of the attempt is pending; returns how many still are. */
  private static int awaitNonePending(Jdbi jdbi, UUID attemptId) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    int pending;
    do {
      pending = jdbi.withHandle(h -> h.createQuery(
          "select count(*) from provider_events where attempt_id = :id and state = 'pending'")
          .bind("id", attemptId).mapTo(Integer.class).one());
      if (pending > 0) {
        Thread.sleep(100);
      }
    } while (pending > 0 && System.nanoTime() < deadline);
    return pending;
  }

  private static HttpRequest[] callbacks(String url, int firstSequence, int count, String status, String contentType) {
    HttpRequest[] requests = new HttpRequest[count];
    for (int i = 0; i < count; i++) {
      Map<String, String> params = params(firstSequence + i + 1, status);
      String body = form(params);
      requests[i] = HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", contentType)
          .header("X-Twilio-Signature", TwilioSignatures.sign(TOKEN, url, params))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
    return requests;
  }

  private static Map<String, String> params(int sequence, String status) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", CALL_SID);
    params.put("AccountSid", "AC" + "5a4d".repeat(8));
    params.put("CallStatus", status);
    params.put("SequenceNumber", String.valueOf(sequence));
    params.put("To", "+573001234560");
    return params;
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private int send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    }
  }

  record Run(double[] latenciesMs, double wallSeconds) {
    double throughput() {
      return latenciesMs.length / wallSeconds;
    }
  }

  /** {@code count} tasks on {@link #THREADS} threads, each task timed; every task must answer {@code expected}. */
  static Run closedLoop(int count, IntFunction<Integer> task, int expected) throws Exception {
    double[] latencies = new double[count];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < count; ) {
            long t0 = System.nanoTime();
            int status = task.apply(i);
            latencies[i] = (System.nanoTime() - t0) / 1e6;
            if (status != expected) {
              throw new AssertionError("request " + i + " answered " + status + ", expected " + expected);
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      return new Run(latencies, (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static String row(String label, Run run) {
    return String.format("%-48s %12.0f %8.2f %8.2f %8.2f%n", label, run.throughput(), percentile(run.latenciesMs(), 50),
        percentile(run.latenciesMs(), 99), Arrays.stream(run.latenciesMs()).max().orElse(Double.NaN));
  }
}
