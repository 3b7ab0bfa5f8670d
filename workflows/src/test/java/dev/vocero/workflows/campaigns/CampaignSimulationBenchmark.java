package dev.vocero.workflows.campaigns;

import static dev.vocero.workflows.campaigns.CampaignTestSupport.ORG;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.WEEKDAYS;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.batch;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.schedule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import dev.vocero.workflows.messaging.Channel;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 30-day (22 weekday windows) 10,000-contact campaign on the time-skipping server, two batches and an SMS wave to
 * 30 % of the contacts under its own daily quota (the real wave workflow, one activity per message); per-contact call
 * work is simulated in groups of 10 contacts per batch timer. Baseline in the same run: 1,000 contacts, same shape.
 * Prints wall time and peak heap; not part of the normal test run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignSimulationBenchmark {

  @RegisterExtension
  final TestWorkflowExtension temporal = CampaignTestSupport.extension();

  /** The target: every one of five runs in a row under 20 s of wall time. */
  private static final long TARGET_MILLIS = 20_000;
  private static final int RUNS = 5;
  private static long baselineMillis = -1;
  private static final List<Long> runMillis = new ArrayList<>();

  @Test
  @Order(1)
  void baselineOneThousandContacts(TestWorkflowEnvironment env) {
    Result result = run(env, 1_000);
    baselineMillis = result.millis();
    report("baseline 1,000 contacts", result);
  }

  /** Five runs in a row, each on a fresh time-skipping server (the extension makes one per repetition). */
  @RepeatedTest(RUNS)
  @Order(2)
  void tenThousandContactsOverThirtyDays(TestWorkflowEnvironment env) {
    Result result = run(env, 10_000);
    runMillis.add(result.millis());
    report("10,000 contacts, 30 days", result);
  }

  /** One line for the {@code bench} command: all runs, the slowest against the target, the same-run baseline. */
  @AfterAll
  static void benchLine() {
    if (runMillis.isEmpty()) {
      return;
    }
    long slowest = Collections.max(runMillis);
    String runs = runMillis.stream().map(m -> String.format(Locale.ROOT, "%.1f", m / 1000.0))
        .collect(Collectors.joining(" / "));
    boolean met = runMillis.size() >= RUNS && slowest <= TARGET_MILLIS;
    System.out.printf(Locale.ROOT, "BENCH|campaign|30-day 10,000-contact campaign, wall per run (%d in a row)"
        + "|%s s|≤ 20 s each, %d runs|1,000-contact campaign %s|%s%n", runMillis.size(), runs, RUNS,
        baselineMillis < 0 ? "not run" : String.format(Locale.ROOT, "%.1f s", baselineMillis / 1000.0),
        met ? "yes" : "no");
  }

  private static void report(String label, Result result) {
    System.out.printf("CampaignSimulationBenchmark %s: %d ms wall, %d daily runs, %d started, %d SMS; peak heap so far"
        + " %d MB%n", label, result.millis(), result.progress().daysRun() + 1, result.progress().startedTotal(),
        result.progress().waves().get(0).sent(), peakHeapMb());
  }

  private record Result(long millis, CampaignProgress progress) {}

  private static Result run(TestWorkflowEnvironment env, int contacts) {
    RecordingMessenger messenger = new RecordingMessenger(env);
    CampaignTestSupport.start(env, mock(CampaignActivities.class, withSettings().withoutAnnotations()), messenger);
    SimulatedBatchWorkflow.chunk = 10;
    SimulatedBatchWorkflow.recordEachStart = false;
    CampaignBatch a = batch(contacts / 2, 1);
    CampaignBatch b = batch(contacts / 2, 1);
    UUID campaignId = UUID.randomUUID();
    int quota = (int) Math.ceil(contacts / 20.0); // 20 of the 22 weekdays are needed
    int messages = contacts * 3 / 10;
    CampaignWave wave = CampaignWave.attached(UUID.randomUUID(), Channel.SMS, 30, a.batchId(), false);
    messenger.recipients(wave.waveId(), 1, messages);
    int smsQuota = (int) Math.ceil(messages / 15.0);
    CampaignWorkflow campaign = CampaignTestSupport.stub(env.getWorkflowClient(), campaignId);
    long t0 = System.nanoTime();
    WorkflowClient.start(campaign::run, CampaignInput.first(ORG, campaignId,
        schedule("2026-03-02", "2026-03-31", WEEKDAYS, "09:00", "18:00"), quota, List.of(a, b), List.of(wave),
        Map.of("sms", smsQuota)));
    CampaignProgress progress = WorkflowStub.fromTyped(campaign).getResult(CampaignProgress.class);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(CampaignState.COMPLETED, progress.state());
    assertEquals(contacts, progress.startedTotal());
    assertEquals(messages, messenger.sent.size());
    return new Result(millis, progress);
  }

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1024 * 1024);
  }
}
