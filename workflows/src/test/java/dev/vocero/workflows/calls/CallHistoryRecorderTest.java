package dev.vocero.workflows.calls;

import static dev.vocero.workflows.calls.CallTestSupport.BATCH;
import static dev.vocero.workflows.calls.CallTestSupport.BATCH_WORKFLOW_ID;
import static dev.vocero.workflows.calls.CallTestSupport.HOUR;
import static dev.vocero.workflows.calls.CallTestSupport.ORG;
import static dev.vocero.workflows.calls.CallTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.workflows.calls.ContactCallActivities.AttemptPlan;
import dev.vocero.workflows.calls.ContactCallActivities.Decision;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rewrites the stored histories; run only on purpose: {@code -Dvocero.recordHistories=true}. */
@EnabledIfSystemProperty(named = "vocero.recordHistories", matches = "true")
class CallHistoryRecorderTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  @RegisterExtension
  final TestWorkflowExtension temporal = CallTestSupport.extension();

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private FakeCallCenter center;
  private FakeCredits credits;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env) {
    this.env = env;
    center = new FakeCallCenter(env);
    credits = new FakeCredits(2);
    CallTestSupport.start(env, center, credits);
    client = env.getWorkflowClient();
  }

  /** Contact 1 of a batch: a window wait, a no-answer, a retry wait, then a human answer signalled mid-wait. */
  @Test
  void givenAContactWithAWaitAndARetry_whenRecorded_itShouldStoreItsHistory() throws IOException {
    long windowOpens = env.currentTimeMillis() + HOUR;
    center.contacts(java.util.List.of(1L, 2L))
        .planner((request, now) -> request.contactId() == 1 && now < windowOpens
            ? new AttemptPlan(Decision.WAIT, null, windowOpens, 0, "outside the calling window") : null)
        .provider((placement, c) -> {
          if (placement.contactId() == 1 && placement.attemptNumber() == 1) {
            FakeCallCenter.answer(Disposition.NO_ANSWER).placed(placement, c);
          } else {
            FakeCallCenter.answerAfter(Duration.ofSeconds(30), Disposition.ANSWERED_HUMAN).placed(placement, c);
          }
        });
    BatchSettings settings = settings(1, 2, 3, Map.of("no_answer", 600L), 120);

    BatchProgress progress = CallTestSupport.batchStub(client).run(CallBatchInput.first(ORG, BATCH, settings));

    assertEquals(2, progress.finished());
    store("contact-call.json", CallIds.contactWorkflowId(BATCH, 1), null);
  }

  /**
   * {@code contact-call-lean-attempt} 1: the path of {@code contact-call.json} with credits enforced (window wait,
   * no-answer, retry wait, human answer), two local activities per attempt and no dialing/in-call upserts.
   */
  @Test
  void givenTheLeanAttempt_whenRecorded_itShouldStoreItsHistory() throws IOException {
    credits.enforce(10);
    long windowOpens = env.currentTimeMillis() + HOUR;
    center.contacts(java.util.List.of(1L))
        .planner((request, now) -> now < windowOpens
            ? new AttemptPlan(Decision.WAIT, null, windowOpens, 0, "outside the calling window") : null)
        .provider((placement, c) -> {
          if (placement.attemptNumber() == 1) {
            FakeCallCenter.answer(Disposition.NO_ANSWER).placed(placement, c);
          } else {
            FakeCallCenter.answerAfter(Duration.ofSeconds(30), Disposition.ANSWERED_HUMAN).placed(placement, c);
          }
        });

    BatchProgress progress = CallTestSupport.batchStub(client)
        .run(CallBatchInput.first(ORG, BATCH, settings(1, 1, 3, Map.of("no_answer", 600L), 120)));

    assertEquals(1, progress.finished());
    store("contact-call-lean-attempt.json", CallIds.contactWorkflowId(BATCH, 1), null);
  }

  /** A recorded call: answered, reported to the batch, the recording arrives, an audio child is started and abandoned. */
  @Test
  void givenARecordedCall_whenRecorded_itShouldStoreItsHistory() throws IOException {
    center.contacts(java.util.List.of(1L)).recordingWait(Duration.ofMinutes(10))
        .provider((placement, c) -> {
          FakeCallCenter.answerAfter(Duration.ofSeconds(30), Disposition.ANSWERED_HUMAN).placed(placement, c);
          c.sendRecordingLater(Duration.ofMinutes(1), placement, c.recording(placement, "completed"));
        });

    CallTestSupport.batchStub(client).run(CallBatchInput.first(ORG, BATCH, settings(1, 1, 1, Map.of(), 120)));
    client.newUntypedWorkflowStub(CallIds.contactWorkflowId(BATCH, 1)).getResult(ContactOutcome.class);

    store("contact-call-recording.json", CallIds.contactWorkflowId(BATCH, 1), null);
  }

  /**
   * The first run of a two-page batch continued from a run that fell behind, so several due starts go out in one
   * workflow task; a report frees a slot for the fourth; then continue-as-new.
   */
  @Test
  void givenABatchBehindItsTimetable_whenRecorded_itShouldStoreItsFirstRun() throws IOException {
    center.contacts(FakeCallCenter.ids(1, 6));
    CallBatchWorkflow batch = CallTestSupport.batchStub(client);
    CallBatchInput input = new CallBatchInput(ORG, BATCH, settings(10, 3, 1, Map.of(), 120), 0, java.util.List.of(), 0,
        0, false, 4, env.currentTimeMillis() - 1_000);

    WorkflowExecution firstRun = WorkflowClient.start(batch::run, input);

    assertEquals(6, WorkflowStub.fromTyped(batch).getResult(BatchProgress.class).finished());
    store("call-batch.json", BATCH_WORKFLOW_ID, firstRun.getRunId());
  }

  /**
   * With credit for one call, contact 1 is held, dialed and settled; contact 2 is refused, records
   * no_credit and pauses the batch.
   */
  @Test
  void givenCreditForOneCall_whenRecorded_itShouldStoreTheRefusedContact() throws IOException {
    credits.enforce(2);
    center.contacts(java.util.List.of(1L, 2L, 3L));
    CallBatchWorkflow batch = CallTestSupport.batchStub(client);
    WorkflowClient.start(batch::run, CallBatchInput.first(ORG, BATCH, settings(10, 1, 1, Map.of(), 120)));
    CallTestSupport.eventually("the batch pauses itself", () -> batch.progress().paused());
    client.newUntypedWorkflowStub(CallIds.contactWorkflowId(BATCH, 2)).getResult(ContactOutcome.class);

    store("contact-call-no-credit.json", CallIds.contactWorkflowId(BATCH, 2), null);
  }

  /**
   * Contact 1 started again after a restart; its attempt 1 was cut off, the stored terminal
   * callback says no-answer, so it is recorded, the retry waits an hour and attempt 2 is answered.
   */
  @Test
  void givenACallCutOffByARestart_whenRecorded_itShouldStoreTheResumedContact() throws IOException {
    java.util.UUID open = java.util.UUID.nameUUIDFromBytes("cut-off".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    FakeCallCenter.Placement cut = center.cutOff(BATCH, 1, open, 1, 0);
    center.resumeAt(1, new ContactCallActivities.ResumePoint(1, 0, 1, null, 0, open,
        center.event(cut, "no-answer", 4, Disposition.NO_ANSWER), null));
    ContactCallWorkflow contact = CallTestSupport.contactStub(client, 1);
    contact.call(CallTestSupport.resumedContactInput(1, settings(1, 1, 3, Map.of("no_answer", 3600L), 60)));

    store("contact-call-resumed.json", CallIds.contactWorkflowId(BATCH, 1), null);
  }

  private void store(String name, String workflowId, String runId) throws IOException {
    Files.createDirectories(HISTORIES);
    String json = (runId == null ? client.fetchHistory(workflowId) : client.fetchHistory(workflowId, runId)).toJson(true);
    Files.writeString(HISTORIES.resolve(name), json);
  }
}
