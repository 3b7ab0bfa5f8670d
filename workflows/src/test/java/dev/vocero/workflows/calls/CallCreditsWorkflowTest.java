package dev.vocero.workflows.calls;

import static dev.vocero.workflows.calls.CallTestSupport.BATCH;
import static dev.vocero.workflows.calls.CallTestSupport.ORG;
import static dev.vocero.workflows.calls.CallTestSupport.eventually;
import static dev.vocero.workflows.calls.CallTestSupport.settings;
import static dev.vocero.workflows.calls.FakeCallCenter.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.calls.BatchActivities.BatchStatusChange;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptOutcome;
import dev.vocero.workflows.calls.FakeCallCenter.Placement;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credits around the call flow ("credits" v1): a hold before each dial, a charge after, a pause when short. */
class CallCreditsWorkflowTest {

  @RegisterExtension
  final TestWorkflowExtension temporal = CallTestSupport.extension();

  private TestWorkflowEnvironment env;
  private FakeCallCenter center;
  private FakeCredits credits;
  private CallBatchWorkflow batch;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env) {
    this.env = env;
    center = new FakeCallCenter(env);
    credits = new FakeCredits(2);
    CallTestSupport.start(env, center, credits);
    batch = CallTestSupport.batchStub(env.getWorkflowClient());
  }

  /** Each answered call lasts 42 s: 2 credits held, 1 charged. 3 credits pay for two calls; the third is short. */
  @Test
  void givenCreditForTwoCalls_whenABatchOfFiveRuns_itShouldDialTwoThenPauseWithTheReasonUntilResumed() {
    credits.enforce(3);
    center.contacts(ids(1, 5));
    WorkflowClient.start(batch::run, CallBatchInput.first(ORG, BATCH, settings(10, 1, 1, Map.of(), 120)));

    eventually("the batch pauses itself", () -> batch.progress().paused() && batch.progress().finished() == 3);
    env.sleep(Duration.ofHours(1));

    BatchProgress paused = batch.progress();
    assertEquals(BatchStatus.PAUSED, paused.status());
    assertTrue(paused.pauseReason().startsWith("no credit"), paused.pauseReason());
    assertEquals(3, paused.started(), "no contact starts after the pause");
    assertEquals(List.of(1L, 2L), center.placements().stream().map(Placement::contactId).toList());
    assertEquals(1, credits.balance(), "two calls charged one started minute each");
    assertEquals(0, credits.reserved(), "every hold settled or never taken");
    AttemptOutcome refused = center.outcomes().stream()
        .filter(o -> o.disposition() == Disposition.NO_CREDIT).findFirst().orElseThrow();
    assertEquals("done", refused.nextStep());
    assertEquals(1, credits.refused().size());
    assertEquals(3L, credits.refused().get(0).contactId());
    BatchStatusChange mirrored = center.statuses().get(center.statuses().size() - 1);
    assertEquals(BatchStatus.PAUSED, mirrored.status());
    assertEquals(paused.pauseReason(), mirrored.pauseReason());

    credits.enforce(10); // topped up
    BatchProgress resumed = batch.resume();
    assertEquals(null, resumed.pauseReason());
    BatchProgress done = WorkflowStub.fromTyped(batch).getResult(BatchProgress.class);

    assertEquals(5, done.finished());
    assertEquals(List.of(1L, 2L, 4L, 5L), center.placements().stream().map(Placement::contactId).toList(),
        "the refused contact stays no_credit; the rest are dialed after the resume");
  }

  @Test
  void givenCreditsNotEnforced_whenABatchRuns_itShouldDialEveryone() {
    center.contacts(ids(1, 4));
    BatchProgress done = batch.run(CallBatchInput.first(ORG, BATCH, settings(10, 2, 1, Map.of(), 120)));
    assertEquals(4, done.finished());
    assertEquals(4, center.placements().size());
    assertTrue(credits.refused().isEmpty());
  }
}
