package dev.vocero.workers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.VoceroApplication;
import dev.vocero.workers.bench.window.WindowBatchWorkflow;
import dev.vocero.workers.bench.window.WindowBatchWorkflowImpl;
import dev.vocero.workers.bench.window.WindowInput;
import dev.vocero.workers.bench.window.WindowRecordWorkflowImpl;
import dev.vocero.workers.config.VoceroConfiguration;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.common.TaskQueues;
import io.dropwizard.core.setup.Environment;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls placed per second by the real batch + contact workflows against the sandbox telephony made nearly instant
 * ({@code telephony.sandbox.speed} 0.001, ringSeconds 1: an answered call lasts ~47 ms of simulated time; its status
 * callbacks still go through the real signed webhook). Figures come from PostgreSQL: {@code call_attempts.placed_at}
 * for the rate, [placed_at, ended_at] intervals for the concurrency. Reports; asserts only correctness (every contact
 * done, concurrency never above the cap). Excluded from the normal build; run it explicitly:
 *
 * <pre>./mvnw -q -o -pl workers verify -Dtest=DispatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Each maximum-pace run is set beside the engine baseline (a bare sliding-window parent over as many trivial children,
 * same worker, window = cap) and its costs per call (history events, workflow tasks, upserts, activities, PostgreSQL
 * statements). Knobs: {@code bench.contacts} (2000), {@code bench.large} (true: a 10,000-contact run follows),
 * {@code bench.pacedContacts} (500), {@code bench.pacedCap} (40), {@code bench.sampledChildren} (100).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DispatchBenchmark {
  static final int CONTACTS = Integer.getInteger("bench.contacts", 2_000);
  static final int LARGE = 10_000;
  static final boolean TRY_LARGE = Boolean.parseBoolean(System.getProperty("bench.large", "true"));
  static final int PACED_CONTACTS = Integer.getInteger("bench.pacedContacts", 500);
  static final int SAMPLED_CHILDREN = Integer.getInteger("bench.sampledChildren", 100);
  static final double MAX_PACE = 100;
  static final int CAP = 200;
  /**
   * The paced run's cap: large enough that slots never bind at 20/s (the sandbox rings 1 s, so a contact holds its slot
   * over a second and a cap of 10 passes fewer than 10 calls/s), so the run measures the pacing, not the cap.
   */
  static final int PACED_CAP = Integer.getInteger("bench.pacedCap", 40);
  /** The batch's page (BatchLimits' default), so the baseline continues as new as often. */
  static final int PAGE = 500;
  static final String SETTINGS = "{\"name\":\"%s\",\"callsPerSecond\":%s,\"maxConcurrentCalls\":%d,\"maxAttempts\":1,"
      + "\"jurisdiction\":\"CUSTOM\",\"customWindows\":[\"MON-SUN 00:00-23:59\"],\"defaultRegion\":\"CO\","
      + "\"answerTimeoutSeconds\":10}";

  static final TestDatabase DB = TestDatabase.freshWithStatementStats();
  static final DropwizardAppExtension<VoceroConfiguration> APP = BenchStack.app(WithEngineBaseline.class, DB,
      "http://127.0.0.1:9",
      ConfigOverride.config("telephony.sandbox.speed", "0.001"),
      ConfigOverride.config("telephony.sandbox.ringSeconds", "1"));

  static final int STUCK_SECONDS = 20;
  static long nextNumber = 3_101_000_000L;
  static WorkflowServiceStubs stubs;

  /** The application as always, plus the engine baseline's parent on the batches' worker and child on the calls'. */
  public static class WithEngineBaseline extends VoceroApplication {
    @Override
    public void run(VoceroConfiguration config, Environment env) throws Exception {
      super.run(config, env);
      workers().registerWorkflowImplementationTypes(TaskQueues.BATCHES, WindowBatchWorkflowImpl.class);
      workers().registerWorkflowImplementationTypes(TaskQueues.WORKFLOWS, WindowRecordWorkflowImpl.class);
    }
  }

  @AfterAll
  static void closeStubs() {
    if (stubs != null) {
      stubs.shutdownNow();
    }
  }

  @Test
  @Timeout(value = 40, unit = TimeUnit.MINUTES)
  void callsPlacedPerSecond() throws Exception {
    stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(TestStack.temporalTarget()).build());
    WorkflowClient temporal = TestStack.client(stubs);
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session session = api.registerAndLogin("Banco de marcación");
    List<Result> results = new ArrayList<>();
    List<Engine> engines = new ArrayList<>();

    // Warm-up: small runs so class loading, JIT and the first workflow tasks are not in the first measured run.
    Result warmup = run(api, session, temporal, "warm-up", 200, MAX_PACE, CAP);
    results.add(warmup);
    engine(temporal, "warm-up", 200);

    engines.add(engine(temporal, "engine " + CONTACTS, CONTACTS));
    Result open = run(api, session, temporal, "max pace", CONTACTS, MAX_PACE, CAP);
    results.add(open);
    Result large = null;
    if (TRY_LARGE && CONTACTS < LARGE) {
      engines.add(engine(temporal, "engine " + LARGE, LARGE));
      large = run(api, session, temporal, "max pace (large)", LARGE, MAX_PACE, CAP);
      results.add(large);
    }
    Result paced = run(api, session, temporal, "pace 20/s", PACED_CONTACTS, 20, PACED_CAP);
    results.add(paced);

    StringBuilder out = new StringBuilder("\n");
    out.append(String.format("Vocero dispatch benchmark (sandbox telephony speed 0.001, ringSeconds 1, maxAttempts 1, every"
        + " number ends in 0 = answered; %d CPUs, load average %.2f at the end)%n", Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    out.append(String.format("%-18s %8s %6s %5s %9s %11s %12s %9s %9s %9s %8s  %s%n", "run", "contacts", "pace", "cap",
        "wall s", "placed/s", "steady/s", "max conc", "p50 ms", "p99 ms", "done", "batch status"));
    for (Result r : results) {
      out.append(String.format("%-18s %8d %6.0f %5d %9.1f %11.1f %12.1f %9d %9.0f %9.0f %8d  %s%n", r.label(), r.contacts(),
          r.pace(), r.cap(), r.wallSeconds(), r.placedPerSecond(), r.steadyPerSecond(), r.maxConcurrency(),
          r.callP50Ms(), r.callP99Ms(), r.done(), r.status()));
    }
    for (Engine e : engines) {
      out.append(String.format("%-18s %8d %6s %5d %9.1f %11.1f %12s %9s %9s %9s %8d  %s%n", e.label(), e.children(), "-",
          CAP, e.wallSeconds(), e.perSecond(), "-", "-", "-", "-", e.finished(), "engine baseline"));
    }
    out.append("  wall s = upload answered → batch completed, or → all contacts done when the batch got stuck (API poll every 200 ms); placed/s = (n−1)/(last − first"
        + " placed_at); steady/s = same over the middle 90% of placements; p50/p99 ms = ended_at − placed_at per call.\n");
    out.append("  engine baseline = a bare sliding-window parent (Temporal's batch/slidingwindow sample shape: window = cap,"
        + " page " + PAGE + ", continue-as-new per page) starting as many children that report by signal and complete at"
        + " once, on the same worker; its /s = children / (start → result).\n");

    out.append("\nCosts per call (histories: every run of the batch or parent, a sample of " + SAMPLED_CHILDREN
        + " children; PostgreSQL: pg_stat_statements over the run, the benchmark's own polls included)\n");
    out.append(HistoryCosts.header());
    for (Result r : results.subList(1, results.size())) {
      out.append(r.parent().row(r.label() + ": batch", r.contacts()));
      out.append(r.child().row(r.label() + ": contact", r.sampled()));
      out.append(String.format("  %s: %.1f PostgreSQL statements per call (%d in all); most frequent:%n", r.label(),
          (double) r.statements() / r.contacts(), r.statements()));
      for (String top : r.topStatements()) {
        out.append("    ").append(top).append('\n');
      }
    }
    for (Engine e : engines) {
      out.append(e.parent().row(e.label() + ": parent", e.children()));
      out.append(e.child().row(e.label() + ": child", e.sampled()));
    }

    out.append('\n');
    for (Result r : results.subList(1, results.size() - 1)) {
      Engine e = engines.stream().filter(x -> x.children() == r.contacts()).findFirst().orElse(null);
      out.append(String.format("  target %s: >= 100/s (the API's maximum pace): %s (%.1f/s over the run, %.1f/s steady,"
              + " %.0f%% of 100)%s%n", r.label(), r.placedPerSecond() >= 100 ? "PASS" : "FAIL", r.placedPerSecond(),
          r.steadyPerSecond(), r.placedPerSecond(), e == null ? "" : String.format("; %.2f × the engine baseline (%.1f/s):"
              + " %s", r.placedPerSecond() / e.perSecond(), e.perSecond(),
              r.placedPerSecond() / e.perSecond() >= 0.7 ? "PASS" : "FAIL")));
    }
    for (Result r : results) {
      out.append(String.format("  %s: the batch initiated %.1f starts/s steady (middle 90%%); start → placed p50 %.0f ms"
          + " in the first tenth of the run, %.0f ms in the last%n", r.label(), r.starts().steadyPerSecond(),
          r.starts().earlyLagMillis(), r.starts().lateLagMillis()));
    }
    double slotMillis = paced.child().meanMillisToReport();
    out.append(String.format("  pace 20/s: a contact holds its slot %.0f ms on average (start → report sent), so %d slots"
        + " pass at most %.1f calls/s; the pace is met only when that is above 20/s%n", slotMillis, paced.cap(),
        slotMillis == 0 ? 0 : paced.cap() * 1000 / slotMillis));
    double deviation = (paced.steadyPerSecond() - 20) / 20;
    out.append(String.format("  target pace 20/s within ±5%%: %s (steady %.2f/s, %+.1f%%; whole run %.2f/s)%n",
        Math.abs(deviation) <= 0.05 ? "PASS" : "FAIL", paced.steadyPerSecond(), deviation * 100, paced.placedPerSecond()));
    for (Result r : results) {
      out.append(String.format("  concurrency %s: max %d <= cap %d: %s%n", r.label(), r.maxConcurrency(), r.cap(),
          r.maxConcurrency() <= r.cap() ? "PASS" : "FAIL"));
    }
    out.append(benchLines(large != null ? large : open, engines, paced, results));
    System.out.println(out);

    for (Result r : results) {
      assertEquals(r.contacts(), r.done(), r.label() + ": every contact done");
      assertEquals("completed", r.status(), r.label() + ": the batch completes");
      assertEquals(r.contacts(), r.attempts(), r.label() + ": one attempt per contact");
      assertEquals(r.contacts(), r.doneInStore(), r.label() + ": every contact done in PostgreSQL");
      assertTrue(r.maxConcurrency() <= r.cap(), r.label() + ": concurrency " + r.maxConcurrency() + " > cap " + r.cap());
    }
    for (Engine e : engines) {
      assertEquals(e.children(), e.finished(), e.label() + ": every child reported");
    }
  }

  /** The lines the lead's bench command collects: BENCH|row|figure|value|target|baseline|met. */
  private static String benchLines(Result measured, List<Engine> engines, Result paced, List<Result> results) {
    Engine e = engines.stream().filter(x -> x.children() == measured.contacts()).findFirst().orElseThrow();
    String contacts = String.format("%,d", measured.contacts());
    String baseline = String.format("engine baseline %.1f calls/s", e.perSecond());
    double ratio = measured.placedPerSecond() / e.perSecond();
    boolean lost = measured.done() != measured.contacts() || measured.doneInStore() != measured.contacts()
        || measured.attempts() != measured.contacts();
    double deviation = (paced.steadyPerSecond() - 20) / 20;
    boolean capped = results.stream().allMatch(r -> r.maxConcurrency() <= r.cap());
    return String.format("BENCH|dispatch|calls/s on %s contacts|%.1f calls/s|≥ 100 calls/s|%s|%s%n", contacts,
        measured.placedPerSecond(), baseline, measured.placedPerSecond() >= 100 ? "yes" : "no")
        + String.format("BENCH|dispatch|ratio to the engine baseline on %s contacts|%.2f ×|≥ 0.7 ×|%s|%s%n", contacts,
        ratio, baseline, ratio >= 0.7 ? "yes" : "no")
        + String.format("BENCH|dispatch|contacts done on %s contacts (PostgreSQL)|%d of %d|all|%s|%s%n", contacts,
        measured.doneInStore(), measured.contacts(), baseline, lost ? "no" : "yes")
        + String.format("BENCH|dispatch|paced run steady rate|%.2f calls/s|20 calls/s ± 5 %%|set pace 20 calls/s|%s%n",
        paced.steadyPerSecond(), Math.abs(deviation) <= 0.05 ? "yes" : "no")
        + String.format("BENCH|dispatch|highest concurrency over the cap|%s|≤ cap|caps %d and %d|%s%n",
        results.stream().map(r -> r.maxConcurrency() + "/" + r.cap()).reduce((a, b) -> a + " " + b).orElse(""),
        CAP, PACED_CAP, capped ? "yes" : "no");
  }

  record Result(String label, String status, int contacts, double pace, int cap, double wallSeconds, int done, int attempts,
                int doneInStore, double placedPerSecond, double steadyPerSecond, int maxConcurrency, double callP50Ms,
                double callP99Ms, HistoryCosts parent, HistoryCosts child, int sampled, long statements,
                List<String> topStatements, StartLag starts) {}

  record Engine(String label, int children, double wallSeconds, double perSecond, int finished, HistoryCosts parent,
                HistoryCosts child, int sampled) {}

  /** The engine baseline: the bare sliding-window parent over {@code children} trivial children, window = cap. */
  private static Engine engine(WorkflowClient temporal, String label, int children) {
    String id = "bench-window-" + children + "-" + UUID.randomUUID();
    WindowBatchWorkflow parent = temporal.newWorkflowStub(WindowBatchWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.BATCHES).build());
    long start = System.nanoTime();
    int finished = parent.run(new WindowInput(children, 0, PAGE, CAP, List.of(), 0));
    double wall = (System.nanoTime() - start) / 1e9;
    List<String> sample = new ArrayList<>();
    int step = Math.max(1, children / SAMPLED_CHILDREN);
    for (int i = 0; i < children && sample.size() < SAMPLED_CHILDREN; i += step) {
      sample.add(id + "/" + i);
    }
    return new Engine(label, children, wall, children / wall, finished, HistoryCosts.ofChain(temporal, id),
        HistoryCosts.ofEach(temporal, sample), sample.size());
  }

  private static Result run(ApiClient api, Session session, WorkflowClient temporal, String label, int contacts,
      double pace, int cap) throws InterruptedException {
    StringBuilder csv = new StringBuilder("Nombre,Celular\n");
    for (int i = 0; i < contacts; i++) {
      csv.append("Cliente ").append(i).append(',').append(nextNumber).append('\n');
      nextNumber += 10; // last digit 0: the sandbox answers (human)
    }
    String settings = String.format(SETTINGS, label, pace, cap);
    DB.jdbi().useHandle(h -> h.createQuery("select pg_stat_statements_reset()::text").mapTo(String.class).one());
    long start = System.nanoTime();
    Reply created = api.upload("/api/v1/batches", session.accessToken(), "file", "bench.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8), Map.of("settings", settings));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    assertEquals(contacts, created.body().get("contacts").asInt(), String.valueOf(created.body()));
    String id = created.body().get("id").asText();

    // Completed, or stuck: every contact done but the batch still running for STUCK_SECONDS (a lost report), or the
    // deadline. A stuck run is still measured (the placements are all in PostgreSQL) and then fails the assertions.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) Math.max(contacts / pace * 3, contacts / 5.0) + 90);
    long allDoneSince = 0;
    JsonNode batch;
    String status;
    double wall = Double.NaN;
    while (true) {
      batch = api.get("/api/v1/batches/" + id, session.accessToken()).body();
      status = batch.at("/batch/status").asText();
      if (status.equals("completed") || status.equals("cancelled") || status.equals("failed")) {
        break;
      }
      if (batch.at("/byStatus/done").asInt() == contacts) {
        if (allDoneSince == 0) {
          allDoneSince = System.nanoTime();
          wall = (allDoneSince - start) / 1e9;
        } else if (System.nanoTime() - allDoneSince > TimeUnit.SECONDS.toNanos(STUCK_SECONDS)) {
          status = "STUCK running (all contacts done " + STUCK_SECONDS + " s ago)";
          break;
        }
      }
      if (System.nanoTime() > deadline) {
        status = "TIMED OUT " + status;
        break;
      }
      Thread.sleep(200);
    }
    if (status.equals("completed") || Double.isNaN(wall)) {
      wall = (System.nanoTime() - start) / 1e9;
    }

    UUID batchId = UUID.fromString(id);
    List<double[]> calls = DB.jdbi().withHandle(h -> h.createQuery("select extract(epoch from placed_at) * 1000 as p,"
            + " extract(epoch from coalesce(ended_at, now())) * 1000 as e from call_attempts where batch_id = :b"
            + " and placed_at is not null order by placed_at")
        .bind("b", batchId).map((rs, ctx) -> new double[] {rs.getDouble("p"), rs.getDouble("e")}).list());
    int attempts = DB.jdbi().withHandle(h -> h.createQuery("select count(*) from call_attempts where batch_id = :b")
        .bind("b", batchId).mapTo(Integer.class).one());
    int done = batch.at("/byStatus/done").asInt();

    double[] placed = calls.stream().mapToDouble(c -> c[0]).toArray();
    double whole = rate(placed, 0, placed.length - 1);
    int skip = (int) Math.floor(placed.length * 0.05);
    double steady = rate(placed, skip, placed.length - 1 - skip);
    double[] durations = calls.stream().mapToDouble(c -> c[1] - c[0]).sorted().toArray();
    long statements = DB.jdbi().withHandle(h -> h.createQuery("select coalesce(sum(calls), 0) from pg_stat_statements s"
        + " join pg_database d on d.oid = s.dbid where d.datname = current_database()").mapTo(Long.class).one());
    List<String> top = DB.jdbi().withHandle(h -> h.createQuery("select calls, left(regexp_replace(query, '\\s+', ' ', 'g'),"
        + " 110) as q from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = current_database()"
        + " order by calls desc limit 12")
        .map((rs, ctx) -> String.format("%6.2f  %s", rs.getLong("calls") / (double) contacts, rs.getString("q"))).list());
    int doneInStore = DB.jdbi().withHandle(h -> h.createQuery("select count(*) from contacts where batch_id = :b"
        + " and status = 'done'").bind("b", batchId).mapTo(Integer.class).one());
    List<Long> contactIds = DB.jdbi().withHandle(h -> h.createQuery("select id from contacts where batch_id = :b order by id")
        .bind("b", batchId).mapTo(Long.class).list());
    List<String> sample = new ArrayList<>();
    int step = Math.max(1, contactIds.size() / SAMPLED_CHILDREN);
    for (int i = 0; i < contactIds.size() && sample.size() < SAMPLED_CHILDREN; i += step) {
      sample.add(CallIds.contactWorkflowId(batchId, contactIds.get(i)));
    }
    StartLag starts = StartLag.of(HistoryCosts.childStarts(temporal, CallIds.batchWorkflowId(batchId)),
        DB.jdbi().withHandle(h -> h.createQuery("select contact_id, extract(epoch from placed_at) * 1000 as p"
            + " from call_attempts where batch_id = :b and placed_at is not null order by placed_at")
        .bind("b", batchId).map((rs, ctx) -> Map.entry(CallIds.contactWorkflowId(batchId, rs.getLong("contact_id")),
            (long) rs.getDouble("p"))).list()));
    return new Result(label, status, contacts, pace, cap, wall, done, attempts, doneInStore, whole, steady,
        maxOverlap(calls), percentile(durations, 50), percentile(durations, 99),
        HistoryCosts.ofChain(temporal, CallIds.batchWorkflowId(batchId)), HistoryCosts.ofEach(temporal, sample),
        sample.size(), statements, top, starts);
  }


  /** Placements per second between the {@code from}-th and {@code to}-th placement (inclusive). */
  private static double rate(double[] placedMs, int from, int to) {
    if (to <= from) {
      return Double.NaN;
    }
    return (to - from) / ((placedMs[to] - placedMs[from]) / 1000);
  }

  /** The most [placed_at, ended_at] intervals open at once (an end at the same instant as a start closes first). */
  private static int maxOverlap(List<double[]> calls) {
    double[][] events = new double[calls.size() * 2][];
    int k = 0;
    for (double[] c : calls) {
      events[k++] = new double[] {c[0], +1};
      events[k++] = new double[] {c[1], -1};
    }
    Arrays.sort(events, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    int open = 0;
    int max = 0;
    for (double[] e : events) {
      open += (int) e[1];
      max = Math.max(max, open);
    }
    return max;
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
