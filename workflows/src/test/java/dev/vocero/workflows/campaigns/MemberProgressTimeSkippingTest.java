package dev.vocero.workflows.campaigns;

import static dev.vocero.workflows.campaigns.CampaignTestSupport.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import dev.vocero.workflows.campaigns.CampaignWaveActivities.WaveStart;
import dev.vocero.workflows.messaging.WaveProgress;
import dev.vocero.workflows.messaging.WaveStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cause of {@code CampaignSimulationBenchmark}'s hang, kept as a test: the campaign reads a running wave's progress
 * while the wave continues as new page after page. On the time-skipping test server a <em>query</em> that reaches a run
 * with a workflow task in flight becomes a query task that holds a time lock until it is answered; when that run closes
 * first (continue-as-new), the task is never answered and time skipping stays stopped for every workflow. The control
 * reads progress through an update instead, which the server fails when the run closes. After a wave of three pages
 * read every few milliseconds, two hours of workflow time must still pass in seconds.
 */
class MemberProgressTimeSkippingTest {
  private static final int THREE_PAGES = 600; // MessageWaveWorkflowImpl.PAGE_SIZE is 200

  @RegisterExtension
  final TestWorkflowExtension temporal = CampaignTestSupport.extension();

  @Test
  void givenAWaveReadConstantlyWhileItContinuesAsNew_whenItEnds_timeShouldStillSkip(TestWorkflowEnvironment env)
      throws Exception {
    RecordingMessenger messenger = new RecordingMessenger(env);
    CampaignTestSupport.start(env, mock(CampaignActivities.class, withSettings().withoutAnnotations()), messenger);
    UUID waveId = UUID.randomUUID();
    messenger.recipients(waveId, 1, THREE_PAGES);
    CampaignWaveControl control = new CampaignWaveControl(env.getWorkflowClient(), Duration.ofSeconds(2));

    control.startWave(new WaveStart(ORG, UUID.randomUUID(), waveId, 6_000));
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger betweenRuns = new AtomicInteger();
    WaveProgress last = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && (last == null || last.status() != WaveStatus.COMPLETED)) {
      try {
        WaveProgress read = control.waveProgress(waveId);
        last = read == null ? last : read;
        reads.incrementAndGet();
      } catch (ApplicationFailure retryable) {
        betweenRuns.incrementAndGet(); // the activity would be retried by Temporal
      }
      Thread.sleep(2);
    }
    System.out.printf("MemberProgressTimeSkippingTest: %d reads, %d between runs%n", reads.get(), betweenRuns.get());
    assertEquals(WaveStatus.COMPLETED, last == null ? null : last.status(), "the wave did not finish in 120 s");
    assertEquals(THREE_PAGES, messenger.sentBy(waveId).size());

    long t0 = System.nanoTime();
    CompletableFuture<Void> twoHours = CompletableFuture.runAsync(() -> env.sleep(Duration.ofHours(2)));
    twoHours.get(60, TimeUnit.SECONDS);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    assertTrue(seconds < 15, "two hours of workflow time took " + seconds + " s: time skipping has stopped");
  }
}
