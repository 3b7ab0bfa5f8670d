package dev.vocero.workflows.calls;

import dev.vocero.workflows.common.WorkflowLabels;
import static dev.vocero.workflows.calls.CallTestSupport.BATCH;
import static dev.vocero.workflows.calls.CallTestSupport.BATCH_WORKFLOW_ID;
import static dev.vocero.workflows.calls.CallTestSupport.HOUR;
import static dev.vocero.workflows.calls.CallTestSupport.ORG;
import static dev.vocero.workflows.calls.CallTestSupport.childStartDecisionTimes;
import static dev.vocero.workflows.calls.CallTestSupport.eventually;
import static dev.vocero.workflows.calls.CallTestSupport.history;
import static dev.vocero.workflows.calls.CallTestSupport.settings;
import static dev.vocero.workflows.calls.CallTestSupport.statusAttribute;
import static dev.vocero.workflows.calls.FakeCallCenter.ids;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.calls.BatchActivities.BatchStatusChange;
import dev.vocero.workflows.calls.BatchActivities.ContactPageRequest;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptOutcome;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptPlan;
import dev.vocero.workflows.calls.ContactCallActivities.ContactResult;
import dev.vocero.workflows.calls.ContactCallActivities.Decision;
import dev.vocero.workflows.calls.FakeCallCenter.Placement;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallBatchWorkflowTest {
  private static final long DAY = 24 * HOUR;
  private static final long WINDOW = 8 * HOUR;

  @RegisterExtension
  final TestWorkflowExtension temporal = CallTestSupport.extension();

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private FakeCallCenter center;
  private CallBatchWorkflow batch;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env) {
    this.env = env;
    center = new FakeCallCenter(env);
    CallTestSupport.start(env, center);
    client = env.getWorkflowClient();
    batch = CallTestSupport.batchStub(client);
  }

  @Test
  void givenFiftyContactsInThreeTimeZones_whenTheBatchRuns_itShouldDialOnlyInWindowsWithinTheWindowAndThePace() {
    long t0 = env.currentTimeMillis();
    long[] windowStart = {t0, t0 + 5 * HOUR, t0 + 9 * HOUR};
    center.contacts(ids(1, 50))
        .planner((request, now) -> {
          long opens = nextWindowOpening(windowStart[(int) (request.contactId() % 3)], now);
          return opens <= now ? null : new AttemptPlan(Decision.WAIT, null, opens, request.phoneIndex(), "outside");
        })
        .provider((placement, c) -> {
          boolean retried = placement.contactId() % 7 == 0 && placement.attemptNumber() == 1;
          FakeCallCenter.answerAfter(Duration.ofSeconds(20),
              retried ? Disposition.NO_ANSWER : Disposition.ANSWERED_HUMAN).placed(placement, c);
        });
    BatchSettings settings = settings(2, 5, 3, Map.of("no_answer", 1800L), 120);

    BatchProgress progress = batch.run(CallBatchInput.first(ORG, BATCH, settings));

    assertEquals(new BatchProgress(BatchStatus.COMPLETED, 50, 50, 0, false, 2, 5), progress);
    for (Placement placement : center.placements()) {
      long start = windowStart[(int) (placement.contactId() % 3)];
      long intoWindow = (placement.atMillis() - start) % DAY;
      assertTrue(placement.atMillis() >= start && intoWindow < WINDOW,
          () -> "contact " + placement.contactId() + " dialed " + (placement.atMillis() - start) + " ms after its window start");
    }
    assertTrue(center.maxInFlight() <= 5, "calls in flight: " + center.maxInFlight());
    assertTrue(center.maxInFlight() > 1, "the window let calls overlap");
    assertEquals(50, center.results().stream().map(ContactResult::contactId).distinct().count());
    assertTrue(center.results().stream().allMatch(r -> r.disposition() == Disposition.ANSWERED_HUMAN));
    assertEquals(57, center.placements().size(), "every 7th contact needed a second attempt");
    List<HistoryEvent> events = history(client, BATCH_WORKFLOW_ID);
    List<Long> starts = childStartDecisionTimes(events);
    assertEquals(50, starts.size());
    assertOnTimetable(starts, 500);
    assertTrue(starts.get(1) - starts.get(0) < 600, "the first slots filled at the pace, not slower");
    assertTrue(events.size() < 2_000, "batch history: " + events.size() + " events");
    assertEquals(List.of("running", "completed"), center.statuses().stream().map(c -> c.status().wire()).toList());
    assertEquals(new BatchStatusChange(ORG, BATCH, BatchStatus.COMPLETED, 50, 50), center.statuses().get(1));
    assertEquals("completed", statusAttribute(client, BATCH_WORKFLOW_ID));
    assertChildSearchAttributes(CallIds.contactWorkflowId(BATCH, 1));
  }

  @Test
  void givenARunningBatch_whenPausedRepacedAndResumed_itShouldHoldStartsThenSpaceThemAtTheNewPace() {
    center.contacts(ids(1, 6)).provider(FakeCallCenter.hold());
    WorkflowClient.start(batch::run, CallBatchInput.first(ORG, BATCH, settings(100, 2, 1, Map.of(), 3600)));
    eventually("two calls are placed", () -> center.placements().size() == 2);

    assertEquals(new BatchProgress(BatchStatus.PAUSED, 2, 0, 2, true, 100, 2), batch.pause());
    assertRejected(batch::pause, "the batch is already paused");
    center.hangUp(1, Disposition.ANSWERED_HUMAN);
    center.hangUp(2, Disposition.ANSWERED_HUMAN);
    eventually("both calls report back", () -> batch.progress().finished() == 2);
    sleepWallClock(300);
    assertEquals(2, batch.progress().started(), "a paused batch starts no contact");
    assertEquals(2, center.placements().size());

    assertRejected(() -> batch.setPace(new PaceChange(0, null)), "callsPerSecond must be greater than 0");
    assertRejected(() -> batch.setPace(new PaceChange(100.5, null)), "callsPerSecond must be greater than 0");
    assertRejected(() -> batch.setPace(new PaceChange(1, 0)), "maxConcurrentCalls must be between 1 and 1000");
    assertRejected(() -> batch.setPace(new PaceChange(1, 1001)), "maxConcurrentCalls must be between 1 and 1000");
    assertEquals(new BatchProgress(BatchStatus.PAUSED, 2, 2, 0, true, 0.01, 1), batch.setPace(new PaceChange(0.01, 1)));
    center.provider(FakeCallCenter.answer(Disposition.ANSWERED_HUMAN));
    assertEquals(new BatchProgress(BatchStatus.RUNNING, 2, 2, 0, false, 0.01, 1), batch.resume());
    assertRejected(batch::resume, "the batch is not paused");
    BatchProgress progress = WorkflowStub.fromTyped(batch).getResult(BatchProgress.class);

    assertEquals(new BatchProgress(BatchStatus.COMPLETED, 6, 6, 0, false, 0.01, 1), progress);
    List<Long> starts = childStartDecisionTimes(history(client, BATCH_WORKFLOW_ID));
    assertPaced(starts.subList(0, 2), 10);
    assertOnTimetable(starts.subList(1, 6), 100_000);
    assertEquals(List.of("running", "paused", "running", "completed"),
        center.statuses().stream().map(c -> c.status().wire()).toList());
  }

  @Test
  void givenCallsInFlight_whenTheBatchIsCancelled_itShouldStartNoMoreAndCancelItsContacts() {
    center.contacts(ids(1, 10)).provider(FakeCallCenter.hold());
    WorkflowClient.start(batch::run, CallBatchInput.first(ORG, BATCH, settings(100, 3, 3, Map.of("no_answer", 600L), 3600)));
    eventually("three calls are placed", () -> center.placements().size() == 3);

    batch.cancel("operator stopped the batch");
    for (long contactId : ids(1, 3)) {
      eventually("contact " + contactId + " got the cancel", () -> receivedCancel(contactId));
    }
    assertRejected(batch::pause, "the batch was cancelled");
    for (long contactId : ids(1, 3)) {
      center.hangUp(contactId, Disposition.NO_ANSWER);
    }
    BatchProgress progress = WorkflowStub.fromTyped(batch).getResult(BatchProgress.class);

    assertEquals(new BatchProgress(BatchStatus.CANCELLED, 3, 3, 0, false, 100, 3), progress);
    assertEquals(3, center.placements().size(), "no call after the cancel");
    assertEquals(List.of("done", "done", "done"), center.outcomes().stream().map(AttemptOutcome::nextStep).toList(),
        "no retry after a cancel, though no_answer has a retry delay");
    assertEquals(3, center.results().size());
    assertTrue(center.results().stream().allMatch(r -> r.disposition() == Disposition.CANCELED && r.attempts() == 1));
    assertEquals(BatchStatus.CANCELLED, center.statuses().get(center.statuses().size() - 1).status());
    assertEquals("cancelled", statusAttribute(client, BATCH_WORKFLOW_ID));
  }

  @Test
  void givenMoreContactsThanAPage_whenTheBatchRuns_itShouldContinueAsNewAndCallEachContactOnce() {
    // the last call of each page stays up until the next run has started, so running calls cross each boundary
    center.contacts(ids(1, 35)).provider((placement, c) -> {
      if (placement.contactId() % 10 != 0) {
        FakeCallCenter.answer(Disposition.ANSWERED_HUMAN).placed(placement, c);
      } else {
        FakeCallCenter.hold().placed(placement, c);
      }
    });
    CallBatchInput input = CallBatchInput.first(ORG, BATCH, settings(100, 4, 1, Map.of(), 3600)).withPageSize(10);

    WorkflowExecution firstRun = WorkflowClient.start(batch::run, input);
    String runId = firstRun.getRunId();
    for (long lastOfPage : List.of(10L, 20L, 30L)) {
      eventually("contact " + lastOfPage + " is dialed", () -> dialed(lastOfPage));
      String previousRun = runId;
      eventually("the batch continues as new", () -> !currentRunId().equals(previousRun));
      runId = currentRunId();
      center.hangUp(lastOfPage, Disposition.ANSWERED_HUMAN);
    }
    BatchProgress progress = WorkflowStub.fromTyped(batch).getResult(BatchProgress.class);

    assertEquals(new BatchProgress(BatchStatus.COMPLETED, 35, 35, 0, false, 100, 4), progress);
    assertEquals(List.of(0L, 10L, 20L, 30L),
        center.pageRequests().stream().map(ContactPageRequest::afterContactId).toList());
    Map<Long, Long> dials = center.placements().stream().collect(groupingBy(Placement::contactId, counting()));
    assertEquals(35, dials.size());
    assertTrue(dials.values().stream().allMatch(n -> n == 1), "dials per contact: " + dials);
    assertEquals(35, center.results().stream().map(ContactResult::contactId).distinct().count());
    assertTrue(center.maxInFlight() <= 4);
    List<CallBatchInput> carried = continuedAsNewInputs(firstRun.getRunId());
    assertEquals(List.of(10L, 20L, 30L), carried.stream().map(CallBatchInput::afterContactId).toList());
    assertTrue(carried.stream().allMatch(next -> next.running().contains(next.afterContactId())),
        "each run hands its still-running calls to the next");
    assertTrue(carried.stream().allMatch(next -> next.pageSize() == 10));
    assertEquals(runId, currentRunId());
    assertNotEquals(firstRun.getRunId(), runId);
  }

  @Test
  void givenALabelledBatch_whenItContinuesAsNew_itShouldKeepItsMemoAndLabelEveryContactCall() {
    center.contacts(ids(1, 15)).provider(FakeCallCenter.answer(Disposition.ANSWERED_HUMAN));
    WorkflowLabels labels = WorkflowLabels.batch("Cobranzas Andinas", "Cobranza diciembre", null);
    CallBatchWorkflow labelled = client.newWorkflowStub(CallBatchWorkflow.class, labels.applyTo(
        CallTestSupport.options(BATCH_WORKFLOW_ID).toBuilder()).build());
    CallBatchInput input = CallBatchInput.first(ORG, BATCH, settings(100, 4, 1, Map.of(), 3600)).withPageSize(10);

    WorkflowExecution firstRun = WorkflowClient.start(labelled::run, input);
    WorkflowStub.fromTyped(labelled).getResult(BatchProgress.class);

    assertNotEquals(firstRun.getRunId(), currentRunId(), "the batch continued as new");
    WorkflowExecutionDescription last = client.newUntypedWorkflowStub(BATCH_WORKFLOW_ID).describe();
    assertEquals("Cobranza diciembre", last.getMemo(WorkflowLabels.BATCH, String.class, String.class));
    assertEquals("Cobranzas Andinas", last.getMemo(WorkflowLabels.ORGANISATION, String.class, String.class));
    WorkflowExecutionDescription call =
        client.newUntypedWorkflowStub(CallIds.contactWorkflowId(BATCH, 15)).describe();
    assertEquals("Call to contact #15 of batch «Cobranza diciembre» · Cobranzas Andinas", call.getStaticSummary(),
        "a contact of the second run is labelled from the memo the first run carried on");
    assertEquals("call", call.getMemo(WorkflowLabels.KIND, String.class, String.class));
  }

  @Test
  void givenAContactAlreadyCalled_whenTheBatchReachesIt_itShouldNotDialItAgain() {
    center.contacts(ids(1, 3));
    BatchSettings settings = settings(10, 2, 1, Map.of(), 120);
    CallTestSupport.contactStub(client, 2).call(CallTestSupport.contactInput(2, settings));

    BatchProgress progress = batch.run(CallBatchInput.first(ORG, BATCH, settings));

    assertEquals(new BatchProgress(BatchStatus.COMPLETED, 3, 3, 0, false, 10, 2), progress);
    assertEquals(List.of(2L, 1L, 3L), center.placements().stream().map(Placement::contactId).toList());
  }

  @Test
  void givenABatchBehindItsTimetable_whenItDispatches_itShouldStartEveryDueContactInOneTaskUpToTheFreeSlots() {
    center.contacts(ids(1, 8)).provider(FakeCallCenter.hold());
    // a run continued from one that fell 1 s behind at 10 calls/s: 10 starts are due, 4 slots free
    CallBatchInput late = new CallBatchInput(ORG, BATCH, settings(10, 4, 1, Map.of(), 3600), 0, List.of(), 0, 0, false,
        0, env.currentTimeMillis() - 1_000);
    WorkflowClient.start(batch::run, late);
    eventually("four calls are placed", () -> center.placements().size() == 4);

    List<Long> starts = childStartDecisionTimes(history(client, BATCH_WORKFLOW_ID));
    assertEquals(4, starts.size(), "no start beyond the free slots");
    assertEquals(1, starts.stream().distinct().count(), "the four due starts went out in one workflow task");
    for (long contactId : ids(1, 8)) {
      eventually("contact " + contactId + " is dialed", () -> dialed(contactId));
      center.hangUp(contactId, Disposition.ANSWERED_HUMAN);
    }
    BatchProgress progress = WorkflowStub.fromTyped(batch).getResult(BatchProgress.class);

    assertEquals(new BatchProgress(BatchStatus.COMPLETED, 8, 8, 0, false, 10, 4), progress);
    assertTrue(center.maxInFlight() <= 4);
    List<HistoryEvent> events = history(client, BATCH_WORKFLOW_ID);
    assertEquals(0, events.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED).count(),
        "1.0 has no version markers");
  }

  @Test
  void givenASlowBatch_whenThePaceIsRaised_itShouldStartTheNextContactsAtTheNewPaceAtOnce() {
    center.contacts(ids(1, 4));
    WorkflowClient.start(batch::run, CallBatchInput.first(ORG, BATCH, settings(0.01, 10, 1, Map.of(), 120)));
    eventually("the first call is placed", () -> center.placements().size() == 1);

    long raisedAt = env.currentTimeMillis();
    assertEquals(50, batch.setPace(new PaceChange(50, null)).callsPerSecond());
    BatchProgress progress = WorkflowStub.fromTyped(batch).getResult(BatchProgress.class);

    assertEquals(new BatchProgress(BatchStatus.COMPLETED, 4, 4, 0, false, 50, 10), progress);
    List<Long> starts = childStartDecisionTimes(history(client, BATCH_WORKFLOW_ID));
    assertTrue(starts.get(1) - starts.get(0) < 100_000, "the 100 s wait of the old pace was cut short");
    // The new timetable counts from the time the workflow saw in the update's task, which is after raisedAt. That
    // task's started event in the history can be later than the time the workflow saw (by 1 ms, then 7 ms, in CI
    // runs), so the starts after it are checked against raisedAt instead.
    for (int k = 2; k < 4; k++) {
      assertTrue(starts.get(k) >= raisedAt + (k - 1) * 20L,
          "start " + k + " came " + (raisedAt + (k - 1) * 20L - starts.get(k)) + " ms before its place at the new pace");
    }
    assertTrue(starts.get(3) > starts.get(1), "the starts at the new pace did not all go out at once");
  }

  @Test
  void givenACarriedOverCallTerminatedByAnOperator_whenTheBatchWaitsForIt_itShouldNoticeAndGoOn() {
    center.contacts(ids(1, 3)).provider((placement, c) -> {
      if (placement.contactId() == 99) {
        FakeCallCenter.hold().placed(placement, c);
      } else {
        FakeCallCenter.answer(Disposition.ANSWERED_HUMAN).placed(placement, c);
      }
    });
    BatchSettings settings = settings(10, 1, 1, Map.of(), 3600);
    WorkflowClient.start(CallTestSupport.contactStub(client, 99)::call, CallTestSupport.contactInput(99, settings));
    eventually("contact 99 is in its call", () -> dialed(99));
    // a later run of the batch: contact 99 was started by the previous run and fills the only slot
    WorkflowClient.start(batch::run, new CallBatchInput(ORG, BATCH, settings, 0, List.of(99L), 1, 0, false, 0, 0));
    eventually("the batch waits for its slot", () -> batch.progress().running() == 1);
    client.newUntypedWorkflowStub(CallIds.contactWorkflowId(BATCH, 99)).terminate("operator ended the call by hand");

    BatchProgress progress = WorkflowStub.fromTyped(batch).getResult(BatchProgress.class);

    assertEquals(new BatchProgress(BatchStatus.COMPLETED, 4, 4, 0, false, 10, 1), progress);
    assertEquals(List.of(List.of(99L)), center.checks().stream().map(BatchActivities.ContactCheck::contactIds).toList());
    assertEquals(List.of(99L, 1L, 2L, 3L), center.placements().stream().map(Placement::contactId).toList());
  }

  /** Windows open at {@code start} and every 24 h after, for 8 h (contacts not reached today wait for tomorrow). */
  private static long nextWindowOpening(long start, long now) {
    if (now < start) {
      return start;
    }
    long opened = start + (now - start) / DAY * DAY;
    return now < opened + WINDOW ? now : opened + DAY;
  }

  /** Start k is never decided before start 0 plus k intervals (a late batch may start several at once). */
  private static void assertOnTimetable(List<Long> starts, long intervalMillis) {
    for (int k = 1; k < starts.size(); k++) {
      long ahead = starts.get(0) + k * intervalMillis - starts.get(k);
      assertTrue(ahead <= 0, "child " + k + " started " + ahead + " ms before its place on the timetable");
    }
  }

  private static void assertPaced(List<Long> starts, long minimumGapMillis) {
    for (int i = 1; i < starts.size(); i++) {
      long gap = starts.get(i) - starts.get(i - 1);
      assertTrue(gap >= minimumGapMillis, "child " + i + " started " + gap + " ms after the previous one");
    }
  }

  private static void assertRejected(Supplier<BatchProgress> update, String reason) {
    WorkflowUpdateException rejected = assertThrows(WorkflowUpdateException.class, update::get);
    Throwable root = rejected;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    assertTrue(message.contains(reason), "rejected with: " + message);
  }

  private void assertChildSearchAttributes(String workflowId) {
    SearchAttributes attributes = client.newUntypedWorkflowStub(workflowId).describe().getTypedSearchAttributes();
    assertEquals(ORG.toString(), attributes.get(VoceroSearchAttributes.ORG));
    assertEquals("call", attributes.get(VoceroSearchAttributes.KIND));
    assertEquals(BATCH.toString(), attributes.get(VoceroSearchAttributes.BATCH_ID));
    assertEquals("done", attributes.get(VoceroSearchAttributes.STATUS));
  }

  private boolean dialed(long contactId) {
    return center.placements().stream().anyMatch(p -> p.contactId() == contactId);
  }

  private String currentRunId() {
    return client.newUntypedWorkflowStub(BATCH_WORKFLOW_ID).describe().getExecution().getRunId();
  }

  private boolean receivedCancel(long contactId) {
    return history(client, CallIds.contactWorkflowId(BATCH, contactId)).stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .anyMatch(e -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("cancel"));
  }

  /** Follows the continue-as-new chain from the first run, decoding what each run handed to the next. */
  private List<CallBatchInput> continuedAsNewInputs(String firstRunId) {
    List<CallBatchInput> inputs = new ArrayList<>();
    String runId = firstRunId;
    while (true) {
      List<HistoryEvent> events = history(client, BATCH_WORKFLOW_ID, runId);
      assertTrue(events.size() < 1_000, "run history: " + events.size() + " events");
      HistoryEvent last = events.get(events.size() - 1);
      if (last.getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
        return inputs;
      }
      var attributes = last.getWorkflowExecutionContinuedAsNewEventAttributes();
      inputs.add(DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
          0, Optional.of(attributes.getInput()), CallBatchInput.class, CallBatchInput.class));
      runId = attributes.getNewExecutionRunId();
    }
  }

  private static void sleepWallClock(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
