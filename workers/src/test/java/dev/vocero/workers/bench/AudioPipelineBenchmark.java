package dev.vocero.workers.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.vocero.activities.speech.AudioSource;
import dev.vocero.activities.speech.OpenAiSpeechToText;
import dev.vocero.activities.speech.Transcript;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.VoceroConfiguration;
import dev.vocero.workers.config.WorkerConfig;
import dev.vocero.workflows.audio.AudioIds;
import dev.vocero.workflows.audio.AudioProcessingResult;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throughput and latency of the audio pipeline (upload → Temporal → speech → PostgreSQL) against a speech stub with a
 * fixed latency, beside a same-run baseline that calls the speech adapter directly. Reports; asserts only that every
 * audio completed. Excluded from the normal build (surefire excludes {@code *Benchmark}); run it explicitly:
 *
 * <pre>./mvnw -q -pl workers -am verify -Dtest=AudioPipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Knobs (system properties, passed on by surefire): {@code bench.audios} (200), {@code bench.aiSlots} (8, set as
 * worker.maxConcurrentAiActivities), {@code bench.concurrency} (closed-loop clients, default = aiSlots),
 * {@code bench.delayMs} (200), {@code bench.warmupAudios} (400: after 100, C1/C2 compilation of this one big JVM still
 * took 38 ms of CPU per measured audio and the overhead p50 was 260.6 ms; after 400, 26 ms and 135.3 ms, same day), {@code bench.warmupCalls} (20 direct adapter calls),
 * {@code bench.await} ({@code temporal}: wait for the workflow result, then one GET that must say completed;
 * {@code poll}: GET the audio every 10 ms, which itself costs CPU), {@code bench.overrides} (extra config, e.g.
 * {@code worker.maxConcurrentIoActivities=8,worker.maxConcurrentWorkflowTasks=4}), {@code bench.jfr} (a file: flight
 * recording of the measured phase only).
 *
 * <p>Besides the table it prints where the time goes (workflow history event times between PostgreSQL's created_at and
 * completed_at) and who used the CPU during the measured phase.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AudioPipelineBenchmark {
  static final int AUDIOS = Integer.getInteger("bench.audios", 200);
  static final int AI_SLOTS = Integer.getInteger("bench.aiSlots", 8);
  static final int CONCURRENCY = Integer.getInteger("bench.concurrency", AI_SLOTS);
  static final int DELAY_MS = Integer.getInteger("bench.delayMs", 200);
  static final boolean POLL = "poll".equalsIgnoreCase(System.getProperty("bench.await", "temporal"));
  static final int WARMUP_AUDIOS = Integer.getInteger("bench.warmupAudios", 400);
  static final int WARMUP_CALLS = Integer.getInteger("bench.warmupCalls", 20);
  static final String JFR_FILE = System.getProperty("bench.jfr", "");
  static final double WAV_SECONDS = 1.0;
  static final double TARGET_OVERHEAD_P50_MS = 50;
  static final Duration PER_AUDIO_LIMIT = Duration.ofSeconds(60);
  static final Duration PHASE_LIMIT = Duration.ofMinutes(4);

  static final TestDatabase DB = TestDatabase.freshWithStatementStats(); // counts SQL statements per audio
  static final WireMockServer SPEECH = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64));
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, AudioPipelineBenchmark::speechUrl, overrides());

  static WorkflowServiceStubs temporalStubs;

  static String speechUrl() {
    return SpeechStub.startedBaseUrl(SPEECH);
  }

  static ConfigOverride[] overrides() {
    List<ConfigOverride> list = new ArrayList<>();
    list.add(ConfigOverride.config("worker.maxConcurrentAiActivities", String.valueOf(AI_SLOTS)));
    list.add(ConfigOverride.config("logging.loggers.dev\\.vocero", "WARN")); // 5 INFO lines per audio are noise here
    for (String pair : System.getProperty("bench.overrides", "").split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        list.add(ConfigOverride.config(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim()));
      }
    }
    return list.toArray(ConfigOverride[]::new);
  }

  @AfterAll
  static void stop() {
    if (temporalStubs != null) {
      temporalStubs.shutdown();
    }
    SPEECH.stop();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void audioPipelineAgainstASlowSpeechProvider() throws Exception {
    SPEECH.stubFor(post(urlEqualTo(SpeechStub.PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(SpeechStub.SPANISH_CALL).withFixedDelay(DELAY_MS)));
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session session = api.registerAndLogin("Banco de pruebas");
    temporalStubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(APP.getConfiguration().getTemporal().getTarget()).build());
    WorkflowClient temporal = TestStack.client(temporalStubs); // the application encrypts its payloads

    byte[][] warmupWavs = wavs(Math.max(WARMUP_CALLS, WARMUP_AUDIOS), 200.5); // half-integer tones: never equal to a measured one
    byte[][] wavs = wavs(AUDIOS, 200);

    // Warm-up of both paths first, so that the baseline and the pipeline are measured in the same warm JVM.
    OpenAiSpeechToText adapter = new OpenAiSpeechToText(APP.getConfiguration().getSpeech());
    closedLoop(WARMUP_CALLS, i -> transcribeDirectly(adapter, "baseline-warmup-" + i + ".wav", warmupWavs[i]));
    closedLoop(WARMUP_AUDIOS, i -> process(api, session, temporal, "warmup-" + i, warmupWavs[i]));

    // Baseline: the same adapter the worker uses, same config, same stub, same WAV sizes, same concurrency.
    SPEECH.resetRequests();
    Run baseline = closedLoop(AUDIOS, i -> transcribeDirectly(adapter, "baseline-" + i + ".wav", wavs[i]));
    double[] baselineServe = serveTimes(SPEECH.getAllServeEvents(), "baseline-").values().stream()
        .mapToDouble(Double::doubleValue).toArray();

    // Pipeline: real HTTP uploads of distinct WAVs; each client uploads, waits for completion, uploads the next.
    SPEECH.resetRequests();
    DB.jdbi().useHandle(h -> h.createQuery("select pg_stat_statements_reset()::text").mapTo(String.class).one());
    Optional<Recording> profile = startProfile();
    CpuSnapshot cpuBefore = CpuSnapshot.take();
    Run pipeline = closedLoop(AUDIOS, i -> process(api, session, temporal, "bench-" + i, wavs[i]));
    CpuSnapshot cpuAfter = CpuSnapshot.take();
    stopProfile(profile);
    String statements = statementsPerAudio();

    // PostgreSQL stamps both ends: created_at at the row insert (before the workflow starts), completed_at when the
    // workflow's COMPLETED status write lands.
    List<DbAudio> rows = DB.jdbi().withHandle(h -> h.createQuery("select a.id, a.title, a.status,"
            + " extract(epoch from a.created_at) * 1000 as created_ms, extract(epoch from a.completed_at) * 1000 as completed_ms,"
            + " (select count(*) from transcript_segments s where s.audio_id = a.id) as segments"
            + " from audios a where a.title like 'bench-%'")
        .map((rs, ctx) -> new DbAudio(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("status"),
            rs.getDouble("created_ms"), rs.getDouble("completed_ms"), rs.getInt("segments")))
        .list());
    assertEquals(AUDIOS, rows.size(), "every benchmark audio has a row");
    for (DbAudio row : rows) {
      assertEquals("completed", row.status(), row.title());
      assertEquals(3, row.segments(), row.title() + " segments");
    }

    Map<String, Double> serveByTitle = serveTimes(SPEECH.getAllServeEvents(), "bench-");
    double baselineP50 = percentile(baseline.latenciesMs(), 50);
    double[] e2e = rows.stream().mapToDouble(DbAudio::endToEndMs).toArray();
    double[] overheadVsBaseline = Arrays.stream(e2e).map(ms -> ms - baselineP50).toArray();
    double[] overheadVsServe = rows.stream()
        .mapToDouble(r -> r.endToEndMs() - serveByTitle.getOrDefault(r.title() + ".wav", Double.NaN)).toArray();
    Breakdown breakdown = breakdown(temporal, rows, serveByTitle);

    StringBuilder out = new StringBuilder("\n");
    WorkerConfig worker = APP.getConfiguration().getWorker();
    out.append(String.format("Vocero audio pipeline benchmark (%d audios, %d concurrent, speech stub latency %d ms)%n",
        AUDIOS, CONCURRENCY, DELAY_MS));
    out.append(String.format("  worker.maxConcurrentAiActivities=%d (IO %d, workflow tasks %d); %.1f s WAV = %d bytes;"
            + " warm-up %d audios + %d adapter calls; %d CPUs; completion seen via %s%n",
        worker.getMaxConcurrentAiActivities(), worker.getMaxConcurrentIoActivities(), worker.getMaxConcurrentWorkflowTasks(),
        WAV_SECONDS, wavs[0].length, WARMUP_AUDIOS, WARMUP_CALLS, Runtime.getRuntime().availableProcessors(),
        POLL ? "GET every 10 ms" : "workflow result + one GET"));
    out.append(String.format("%-44s %12s %8s %8s %8s%n", "", "throughput/s", "p50 ms", "p99 ms", "max ms"));
    out.append(row("baseline (adapter direct, client-timed)", baseline.throughput(), baseline.latenciesMs()));
    out.append(row("  stub serve time seen by WireMock", Double.NaN, baselineServe));
    out.append(row("pipeline end-to-end (PG completed-created)", pipeline.throughput(), e2e));
    out.append(row("pipeline client-observed (upload→completed)", pipeline.throughput(), pipeline.latenciesMs()));
    double overheadP50 = percentile(overheadVsBaseline, 50);
    out.append(row("orchestration overhead (e2e − baseline p50)", Double.NaN, overheadVsBaseline).stripTrailing())
        .append(String.format("   target p50 <= %.0f ms: %s%n", TARGET_OVERHEAD_P50_MS,
            overheadP50 <= TARGET_OVERHEAD_P50_MS ? "PASS" : "FAIL"));
    out.append(row("  overhead (e2e − this audio's WireMock time)", Double.NaN, overheadVsServe));
    out.append(String.format("Provider time subtracted in the overhead row: baseline adapter p50 = %.1f ms (HTTP client"
        + " + %d ms stub delay + WireMock).%n", baselineP50, DELAY_MS));
    out.append(breakdown.render());
    out.append(statements);
    out.append(cpuAfter.since(cpuBefore, pipeline.wallSeconds(), AUDIOS));
    System.out.println(out);
    System.out.println(benchLines(overheadVsBaseline, baselineP50, breakdown));
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** PostgreSQL statements of the measured phase (pg_stat_statements: the API's, the workers' and this benchmark's GETs). */
  private static String statementsPerAudio() {
    String ofThisDb = " from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = current_database()";
    long all = DB.jdbi().withHandle(h -> h.createQuery("select coalesce(sum(calls), 0)" + ofThisDb)
        .mapTo(Long.class).one());
    List<String> top = DB.jdbi().withHandle(h -> h.createQuery("select calls, left(regexp_replace(query, '\\s+', ' ',"
            + " 'g'), 110) as q" + ofThisDb + " and query not like '%pg_stat_statements%' order by calls desc limit 15")
        .map((rs, ctx) -> String.format("    %6.2f  %s%n", rs.getLong("calls") / (double) AUDIOS, rs.getString("q")))
        .list());
    return String.format("%nPostgreSQL statements in the measured phase (pg_stat_statements; BEGIN/COMMIT included):"
        + " %.1f per audio (%d in all); most frequent, per audio:%n", all / (double) AUDIOS, all) + String.join("", top);
  }

  /** {@code -Dbench.jfr=file.jfr}: a flight recording (profile settings) of the measured pipeline phase only. */
  private static Optional<Recording> startProfile() throws Exception {
    if (JFR_FILE.isBlank()) {
      return Optional.empty();
    }
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.start();
    return Optional.of(recording);
  }

  private static void stopProfile(Optional<Recording> profile) throws Exception {
    if (profile.isPresent()) {
      profile.get().stop();
      profile.get().dump(Path.of(JFR_FILE));
      profile.get().close();
      System.out.println("Flight recording of the measured phase: " + JFR_FILE);
    }
  }

  private static byte[][] wavs(int count, double firstHz) {
    byte[][] result = new byte[count][];
    for (int i = 0; i < count; i++) {
      result[i] = Wav.tone(WAV_SECONDS, firstHz + i);
    }
    return result;
  }

  private static void transcribeDirectly(OpenAiSpeechToText adapter, String filename, byte[] wav) {
    Transcript transcript = adapter.transcribe(AudioSource.ofBytes(filename, "audio/wav", wav), "es");
    assertEquals(3, transcript.segments().size());
  }

  private static void process(ApiClient api, Session session, WorkflowClient temporal, String title, byte[] wav) {
    Reply accepted = api.upload("/api/v1/audios", session.accessToken(), "file", title + ".wav", wav,
        Map.of("language", "es", "title", title));
    if (accepted.status() != 202) {
      throw new AssertionError(title + ": upload answered " + accepted.status() + " " + accepted.body());
    }
    UUID id = UUID.fromString(accepted.body().get("id").asText());
    long deadline = System.nanoTime() + PER_AUDIO_LIMIT.toNanos();
    if (!POLL) {
      WorkflowStub stub = temporal.newUntypedWorkflowStub(AudioIds.workflowId(id), Optional.empty(), Optional.empty());
      try {
        stub.getResult(PER_AUDIO_LIMIT.toMillis(), TimeUnit.MILLISECONDS, AudioProcessingResult.class);
      } catch (TimeoutException e) {
        throw new AssertionError(title + " did not finish within " + PER_AUDIO_LIMIT, e);
      }
    }
    while (true) {
      JsonNode audio = api.get("/api/v1/audios/" + id, session.accessToken()).body();
      String status = audio.get("status").asText();
      if (status.equals("completed")) {
        return;
      }
      if (status.equals("failed") || status.equals("cancelled")) {
        throw new AssertionError(title + " ended " + status + ": " + audio.get("failureReason"));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(title + " still " + status + " after " + PER_AUDIO_LIMIT);
      }
      sleep(10);
    }
  }

  private record Run(double[] latenciesMs, double wallSeconds) {
    double throughput() {
      return latenciesMs.length / wallSeconds;
    }
  }

  @FunctionalInterface
  private interface Task {
    void run(int index) throws Exception;
  }

  /** {@code count} tasks on {@link #CONCURRENCY} clients, each starting its next task when the previous one ends. */
  private static Run closedLoop(int count, Task task) throws Exception {
    double[] latencies = new double[count];
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
    try {
      long started = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < CONCURRENCY; c++) {
        futures.add(clients.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            long t0 = System.nanoTime();
            task.run(i);
            latencies[i] = (System.nanoTime() - t0) / 1e6;
          }
          return null;
        }));
      }
      long deadline = started + PHASE_LIMIT.toNanos();
      for (Future<?> future : futures) {
        future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
      return new Run(latencies, (System.nanoTime() - started) / 1e9);
    } finally {
      clients.shutdownNow();
    }
  }

  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]+)\"");

  /** WireMock's own time per request (request read → response sent, including the fixed delay), by uploaded file name. */
  private static Map<String, Double> serveTimes(List<ServeEvent> events, String prefix) {
    Map<String, Double> result = new HashMap<>();
    for (ServeEvent event : events) {
      String body = new String(event.getRequest().getBody(), StandardCharsets.ISO_8859_1);
      Matcher m = FILENAME.matcher(body);
      if (m.find() && m.group(1).startsWith(prefix) && event.getTiming().getTotalTime() != null) {
        result.put(m.group(1), (double) event.getTiming().getTotalTime());
      }
    }
    return result;
  }

  private record DbAudio(UUID id, String title, String status, double createdMs, double completedMs, int segments) {
    double endToEndMs() {
      return completedMs - createdMs;
    }
  }

  // --- where the time goes: workflow history timestamps between the two PostgreSQL stamps ------------------------

  private static final class Breakdown {
    final Map<String, List<Double>> steps = new LinkedHashMap<>();
    final Map<String, List<Double>> groups = new LinkedHashMap<>();
    final Map<String, Integer> eventCounts = new HashMap<>();
    final Map<String, Integer> costs = new LinkedHashMap<>();
    int audios;

    void count(String cost) {
      costs.merge(cost, 1, Integer::sum);
    }

    double perAudio(String cost) {
      return costs.getOrDefault(cost, 0) / (double) Math.max(1, audios);
    }

    void add(Map<String, List<Double>> into, String label, double ms) {
      into.computeIfAbsent(label, k -> new ArrayList<>()).add(ms);
    }

    String render() {
      StringBuilder out = new StringBuilder(String.format(
          "%nWhere the end-to-end time goes (%d audios; workflow history event times between PostgreSQL's created_at and"
              + " completed_at; means add up, p50s do not):%n", audios));
      out.append(String.format("  %-74s %8s %8s %8s%n", "step", "mean ms", "p50 ms", "p99 ms"));
      steps.forEach((label, values) -> out.append(line(label, values)));
      out.append(String.format("  %-74s %8s %8s %8s%n", "grouped", "mean ms", "p50 ms", "p99 ms"));
      groups.forEach((label, values) -> out.append(line(label, values)));
      out.append("  history events per workflow: ").append(eventCounts).append('\n');
      out.append("  load-independent costs per audio (from the histories):");
      for (String cost : COSTS) {
        out.append(String.format(" %s %.2f;", cost, perAudio(cost)));
      }
      out.append('\n');
      return out.toString();
    }

    private static String line(String label, List<Double> values) {
      double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
      return String.format("  %-74s %8.1f %8.1f %8.1f%n", label, Arrays.stream(v).average().orElse(Double.NaN),
          percentile(v, 50), percentile(v, 99));
    }
  }

  static final String WORKFLOW_TASKS = "workflow tasks";
  static final List<String> COSTS = List.of(WORKFLOW_TASKS, "activity tasks", "local activities",
      "search-attribute upserts", "memo updates", "history events");

  private static void countCosts(Breakdown b, List<HistoryEvent> events) {
    for (HistoryEvent e : events) {
      b.count("history events");
      switch (e.getEventType()) {
        case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> b.count(WORKFLOW_TASKS);
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> b.count("activity tasks");
        case EVENT_TYPE_MARKER_RECORDED -> {
          if (e.getMarkerRecordedEventAttributes().getMarkerName().equals("LocalActivity")) {
            b.count("local activities");
          }
        }
        case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> b.count("search-attribute upserts");
        case EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED -> b.count("memo updates");
        default -> { }
      }
    }
  }

  private static Breakdown breakdown(WorkflowClient temporal, List<DbAudio> rows, Map<String, Double> serveByTitle) {
    Breakdown b = new Breakdown();
    for (DbAudio row : rows) {
      List<HistoryEvent> events = temporal.fetchHistory(AudioIds.workflowId(row.id())).getEvents();
      b.eventCounts.merge(String.valueOf(events.size()), 1, Integer::sum);
      countCosts(b, events);
      Map<Long, String> activityNames = new HashMap<>();
      Map<String, Integer> ordinals = new HashMap<>();
      int wft = 0;
      String prevLabel = "row inserted (created_at)";
      double prevMs = row.createdMs();
      Map<String, Double> group = new LinkedHashMap<>();
      for (String g : List.of("1 API: row insert → workflow started", "2 workflow task dispatch (scheduled→started)",
          "3 workflow task run (started→completed)", "4 activity dispatch (scheduled→started)",
          "5 activity run: status writes + opportunities", "6 activity run: transcribe minus WireMock time",
          "7 provider: WireMock serve time (incl. delay)", "8 other")) {
        group.put(g, 0.0);
      }
      // completed_at is stamped inside the last status write (COMPLETED): the timeline ends there
      long finalStatusWrite = events.stream()
          .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
              && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("AudioRecordStatus"))
          .mapToLong(HistoryEvent::getEventId).max().orElse(-1);
      for (HistoryEvent e : events) {
        double at = e.getEventTime().getSeconds() * 1000.0 + e.getEventTime().getNanos() / 1e6;
        String label;
        EventType type = e.getEventType();
        switch (type) {
          case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> label = "workflow started";
          case EVENT_TYPE_WORKFLOW_TASK_SCHEDULED -> label = "WFT" + (++wft) + " scheduled";
          case EVENT_TYPE_WORKFLOW_TASK_STARTED -> label = "WFT" + wft + " started";
          case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> label = "WFT" + wft + " completed";
          case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
            String name = e.getActivityTaskScheduledEventAttributes().getActivityType().getName();
            String numbered = name + "#" + ordinals.merge(name, 1, Integer::sum);
            activityNames.put(e.getEventId(), numbered);
            label = numbered + " scheduled";
          }
          case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
              label = activityNames.get(e.getActivityTaskStartedEventAttributes().getScheduledEventId()) + " started";
          case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
              label = activityNames.get(e.getActivityTaskCompletedEventAttributes().getScheduledEventId()) + " completed";
          default -> label = null; // commands recorded with the workflow task completion, and the close
        }
        if (label == null) {
          continue;
        }
        double ms = at - prevMs;
        b.add(b.steps, prevLabel + " → " + label, ms);
        group.merge(groupOf(prevLabel, label), ms, Double::sum);
        prevLabel = label;
        prevMs = at;
        if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED
            && e.getActivityTaskStartedEventAttributes().getScheduledEventId() == finalStatusWrite) {
          break;
        }
      }
      double tail = row.completedMs() - prevMs; // PostgreSQL's now() inside that write, minus the server's start stamp
      b.add(b.steps, prevLabel + " → completed_at stamped", tail);
      group.merge(groupOf(prevLabel, "completed_at stamped"), tail, Double::sum);
      double serve = serveByTitle.getOrDefault(row.title() + ".wav", 0.0);
      group.merge("6 activity run: transcribe minus WireMock time", -serve, Double::sum);
      group.merge("7 provider: WireMock serve time (incl. delay)", serve, Double::sum);
      group.forEach((g, ms) -> b.add(b.groups, g, ms));
      b.add(b.groups, "= end-to-end", row.endToEndMs());
      b.audios++;
    }
    return b;
  }

  private static String groupOf(String from, String to) {
    if (to.equals("workflow started")) {
      return "1 API: row insert → workflow started";
    }
    if (from.startsWith("WFT") && from.endsWith("scheduled") && to.endsWith("started")) {
      return "2 workflow task dispatch (scheduled→started)";
    }
    if (from.startsWith("WFT") && from.endsWith("started")) {
      return "3 workflow task run (started→completed)";
    }
    if (from.startsWith("Audio") && from.endsWith("scheduled")) {
      return "4 activity dispatch (scheduled→started)";
    }
    if (from.startsWith("AudioTranscribe") && from.endsWith("started")) {
      return "6 activity run: transcribe minus WireMock time";
    }
    if (from.startsWith("Audio") && from.endsWith("started")) {
      return "5 activity run: status writes + opportunities";
    }
    return "8 other";
  }

  // --- CPU: is the machine saturated, and which threads burn it? -----------------------------------------------------

  private record CpuSnapshot(long processCpuNanos, long[] systemTicks, Map<Long, String> names, Map<Long, Long> threadNanos,
      long gcMillis, long jitMillis, Map<String, Long> nativeTicks, long classesLoaded, long uptimeMs) {
    static CpuSnapshot take() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      Map<Long, String> names = new HashMap<>();
      Map<Long, Long> nanos = new HashMap<>();
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info != null) {
          long cpu = threads.getThreadCpuTime(info.getThreadId());
          if (cpu >= 0) {
            names.put(info.getThreadId(), info.getThreadName());
            nanos.put(info.getThreadId(), cpu);
          }
        }
      }
      long process = ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
      long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
      long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      return new CpuSnapshot(process, readProcStat(), names, nanos, gc, jit, nativeThreadTicks(),
          ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
          ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** {@code /proc/self/task/<tid>}: CPU ticks of every OS thread of this JVM, incl. JIT compiler and GC threads. */
    private static Map<String, Long> nativeThreadTicks() {
      Map<String, Long> ticks = new HashMap<>();
      try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
        tasks.forEach(task -> {
          try {
            String comm = Files.readString(task.resolve("comm")).trim();
            String stat = Files.readString(task.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.put(task.getFileName() + " " + comm, Long.parseLong(f[11]) + Long.parseLong(f[12]));
          } catch (Exception ignored) {
            // the thread exited meanwhile
          }
        });
      } catch (Exception e) {
        return Map.of();
      }
      return ticks;
    }

    /** {@code /proc/stat}: busy and total jiffies of the whole machine (all processes, e.g. PostgreSQL too). */
    private static long[] readProcStat() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
          total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        return new long[] {total - idle, total};
      } catch (Exception e) {
        return null;
      }
    }

    String since(CpuSnapshot before, double wallSeconds, int audios) {
      StringBuilder out = new StringBuilder(String.format("%nCPU during the measured pipeline phase (%.1f s wall, %d CPUs,"
          + " JVM uptime %.1f..%.1f s):%n", wallSeconds, Runtime.getRuntime().availableProcessors(), before.uptimeMs / 1e3,
          uptimeMs / 1e3));
      if (systemTicks != null && before.systemTicks != null) {
        double busy = (systemTicks[0] - before.systemTicks[0]) / (double) (systemTicks[1] - before.systemTicks[1]);
        out.append(String.format("  machine busy: %.0f%% of all CPUs%n", busy * 100));
      }
      double processMs = (processCpuNanos - before.processCpuNanos) / 1e6;
      out.append(String.format("  this JVM (API + workers + Temporal test server + WireMock + clients): %.0f ms CPU = %.1f ms"
          + " per audio = %.0f%% of all CPUs%n", processMs, processMs / audios,
          processMs / (wallSeconds * 1000 * Runtime.getRuntime().availableProcessors()) * 100));
      out.append(String.format("  GC time %d ms, JIT compile time %d ms (elapsed, summed over compiler threads), classes loaded %d%n",
          gcMillis - before.gcMillis, jitMillis - before.jitMillis, classesLoaded - before.classesLoaded));
      Map<String, Double> groups = new HashMap<>();
      double attributed = 0;
      for (Map.Entry<Long, Long> t : threadNanos.entrySet()) {
        double ms = (t.getValue() - before.threadNanos.getOrDefault(t.getKey(), 0L)) / 1e6;
        attributed += ms;
        groups.merge(group(names.get(t.getKey())), ms, Double::sum);
      }
      // neither Vocero nor the engine: the JIT still compiling after the warm-up, and the speech stub's own Jetty
      double compilerMs = nativeTicks.entrySet().stream().filter(t -> t.getKey().matches("\\d+ C[12] CompilerThre.*"))
          .mapToDouble(t -> (t.getValue() - before.nativeTicks.getOrDefault(t.getKey(), 0L)) * 10.0).sum();
      double wireMockMs = groups.getOrDefault("qtp#-#", 0.0);
      out.append(String.format("  of which JIT compiler threads %.1f ms and WireMock's Jetty threads (qtp) %.1f ms per audio:"
          + " %.1f ms CPU per audio without them%n", compilerMs / audios, wireMockMs / audios,
          (processMs - compilerMs - wireMockMs) / audios));
      out.append(String.format("  %-78s %9s %9s%n", "live threads by name (digits/ids folded)", "CPU ms", "ms/audio"));
      groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(18)
          .forEach(g -> out.append(String.format("  %-78s %9.0f %9.2f%n", g.getKey(), g.getValue(), g.getValue() / audios)));
      out.append(String.format("  %-78s %9.0f %9.2f%n", "not in live Java threads (exited threads, e.g. workflow threads; GC; JIT)",
          processMs - attributed, (processMs - attributed) / audios));
      Map<String, Double> internal = new HashMap<>();
      nativeTicks.forEach((key, ticks) -> {
        String comm = key.substring(key.indexOf(' ') + 1);
        if (comm.matches("C[12] CompilerThre.*|GC Thread.*|G1 .*|VM Thread|VM Periodic Tas")) {
          double ms = (ticks - before.nativeTicks.getOrDefault(key, 0L)) * 10.0; // USER_HZ = 100
          internal.merge(comm.startsWith("C") ? comm.replaceAll("CompilerThre.*", "CompilerThread#")
              : comm.replaceAll("\\d+", "#"), ms, Double::sum);
        }
      });
      internal.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .filter(g -> g.getValue() > 0)
          .forEach(g -> out.append(String.format("  %-78s %9.0f %9.2f%n", "  of which JVM-internal thread '" + g.getKey() + "'",
              g.getValue(), g.getValue() / audios)));
      return out.toString();
    }

    private static String group(String name) {
      String g = name.replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27,}", "*").replaceAll("\\d+", "#");
      return g.length() > 78 ? g.substring(0, 78) : g;
    }
  }

  /** The lines the {@code bench} command collects: the issue's audio row, with its same-run baseline. */
  static String benchLines(double[] overhead, double baselineP50, Breakdown breakdown) {
    double p50 = percentile(overhead, 50);
    double tasks = breakdown.perAudio(WORKFLOW_TASKS);
    String baseline = String.format("direct adapter p50 %.1f ms", baselineP50);
    return String.format("BENCH|audio|orchestration overhead p50 at %d concurrent|%.1f ms|≤ %.0f ms|%s|%s%n",
        CONCURRENCY, p50, TARGET_OVERHEAD_P50_MS, baseline, p50 <= TARGET_OVERHEAD_P50_MS ? "yes" : "no")
        + String.format("BENCH|audio|workflow tasks per audio|%.2f|< 5 (5 when filed)|%s|%s",
        tasks, baseline, tasks < 5 ? "yes" : "no");
  }

  // --- statistics and output ---------------------------------------------------------------------------------------

  static double percentile(double[] values, double p) {
    double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static String row(String label, double throughput, double[] latencies) {
    double max = Arrays.stream(latencies).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    return String.format("%-44s %12s %8.1f %8.1f %8.1f%n", label,
        Double.isNaN(throughput) ? "-" : String.format("%.1f", throughput), percentile(latencies, 50),
        percentile(latencies, 99), max);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
