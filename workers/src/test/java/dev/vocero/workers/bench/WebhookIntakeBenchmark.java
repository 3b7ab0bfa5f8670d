package dev.vocero.workers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.domain.telephony.TwilioSignatures;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * same-Jetty no-op baseline (the admin connector's {@code GET /ping}). Closed loop: {@code bench.threads} platform
 * threads (32) each send one request, wait for the answer, send the next. Reports; asserts only that every callback
 * answered 204 and left exactly one provider_events row. Excluded from the normal build; run it explicitly:
 *
 * <pre>./mvnw -q -o -pl workers verify -Dtest=WebhookIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Knobs: {@code bench.requests} (20000), {@code bench.warmup} (2000), {@code bench.threads} (32).
 *
 * <p>Every callback is for ONE attempt whose contact workflow was never started. Each request does: signature check
 * and one statement (find the attempt, insert provider_events, update call_attempts: the same row every time), then
 * 204. The measured run sends {@code ringing}, a status the contact workflow does not wait for: stored as delivered,
 * never signalled. A second run sends terminal statuses ({@code completed}, each its own event): answered after the
 * insert, then signalled on the delivery pool (NOT_FOUND, one gRPC round trip, then marked delivered); the run waits
 * until none is pending and counts what was lost.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookIntakeBenchmark {
  static final int REQUESTS = Integer.getInteger("bench.requests", 20_000);
  static final int WARMUP = Integer.getInteger("bench.warmup", 2_000);
  static final int THREADS = Integer.getInteger("bench.threads", 32);
  static final double TARGET_PER_SECOND = 2_000;
  static final double TARGET_RATIO = 0.5;
  static final String TOKEN = "sandbox-auth-token";
  static final String CALL_SID = "CA" + "7".repeat(32);

  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP = BenchStack.app(DB, "http://127.0.0.1:9");

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

    // Signed up front: the measured loop only sends.
    HttpRequest[] warmupCallbacks = callbacks(url, 0, WARMUP, "ringing");
    HttpRequest[] callbacks = callbacks(url, WARMUP, REQUESTS, "ringing");
    HttpRequest[] terminalCallbacks = callbacks(url, WARMUP + REQUESTS, REQUESTS, "completed");
    IntFunction<Integer> pingOnce = i -> send(HttpRequest.newBuilder(ping).GET().build());

    closedLoop(WARMUP, pingOnce, 200);
    closedLoop(WARMUP, i -> send(warmupCallbacks[i]), 204);

    Run noop = closedLoop(REQUESTS, pingOnce, 200);
    Run intake = closedLoop(REQUESTS, i -> send(callbacks[i]), 204);
    Run noopAfter = closedLoop(REQUESTS, pingOnce, 200);
    Run terminal = closedLoop(REQUESTS, i -> send(terminalCallbacks[i]), 204);
    long drainStart = System.nanoTime();
    int pending = awaitNonePending(jdbi, attemptId);
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

    int sent = WARMUP + 2 * REQUESTS;
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
    out.append(row("intake: POST /webhooks/twilio/voice/status", intake));
    out.append(row("no-op baseline: admin GET /ping (after)", noopAfter));
    out.append(row("intake, terminal (signalled after the 204)", terminal));
    out.append(String.format("  terminal callbacks still pending %.1f s after the last answer: %d%n", drainSeconds, pending));
    out.append(String.format("  target intake >= %.0f/s: %s (%.0f/s)%n", TARGET_PER_SECOND,
        intake.throughput() >= TARGET_PER_SECOND ? "PASS" : "FAIL", intake.throughput()));
    out.append(String.format("  target intake/no-op >= %.2f: %s (%.3f vs the 'before' baseline, %.3f vs 'after')%n",
        TARGET_RATIO, ratio >= TARGET_RATIO ? "PASS" : "FAIL", ratio, intake.throughput() / noopAfter.throughput()));
    out.append(String.format("  provider_events rows for the attempt: %d (sent %d = %d warm-up + %d measured): %s; by state %s%n",
        stored, sent, WARMUP, REQUESTS, stored == sent ? "none lost" : "MISMATCH", byState));
    out.append("  'ringing' is stored as delivered (the workflow waits only for terminal statuses); each terminal callback"
        + " is signalled after its answer to a contact workflow that does not exist (NOT_FOUND, one gRPC round trip).\n");
    System.out.println(out);

    assertEquals(sent, stored, "one provider_events row per distinct callback");
    assertEquals(0, pending, "every signalled event delivered");
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

  private static HttpRequest[] callbacks(String url, int firstSequence, int count, String status) {
    HttpRequest[] requests = new HttpRequest[count];
    for (int i = 0; i < count; i++) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("CallSid", CALL_SID);
      params.put("AccountSid", "AC" + "5a4d".repeat(8));
      params.put("CallStatus", status);
      params.put("SequenceNumber", String.valueOf(firstSequence + i + 1));
      params.put("To", "+573001234560");
      String body = params.entrySet().stream()
          .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      requests[i] = HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-Twilio-Signature", TwilioSignatures.sign(TOKEN, url, params))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
    return requests;
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
