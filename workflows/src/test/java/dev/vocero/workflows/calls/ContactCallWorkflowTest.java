package dev.vocero.workflows.calls;

import static dev.vocero.workflows.calls.CallTestSupport.BATCH;
import static dev.vocero.workflows.calls.CallTestSupport.BATCH_WORKFLOW_ID;
import static dev.vocero.workflows.calls.CallTestSupport.HOUR;
import static dev.vocero.workflows.calls.CallTestSupport.ORG;
import static dev.vocero.workflows.calls.CallTestSupport.contactInput;
import static dev.vocero.workflows.calls.CallTestSupport.eventually;
import static dev.vocero.workflows.calls.CallTestSupport.settings;
import static dev.vocero.workflows.calls.CallTestSupport.statusAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.calls.ContactCallActivities.AttemptOutcome;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptPlan;
import dev.vocero.workflows.calls.ContactCallActivities.ContactResult;
import dev.vocero.workflows.calls.ContactCallActivities.Decision;
import dev.vocero.workflows.calls.ContactCallActivities.PlanRequest;
import dev.vocero.workflows.calls.FakeCallCenter.Placement;
import dev.vocero.workflows.calls.FakeCallCenter.PlanCall;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactCallWorkflowTest {
  private static final long CONTACT = 7;
  private static final long ANSWER_TIMEOUT = 120;
  private static final BatchSettings ONE_TRY = settings(1, 1, 1, Map.of(), ANSWER_TIMEOUT);
  private static final BatchSettings RETRY_NO_ANSWER = settings(1, 1, 3, Map.of("no_answer", 3600L), ANSWER_TIMEOUT);

  @RegisterExtension
  final TestWorkflowExtension temporal = CallTestSupport.extension();

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private FakeCallCenter center;
  private ContactCallWorkflow contact;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env) {
    this.env = env;
    center = new FakeCallCenter(env);
    CallTestSupport.start(env, center);
    client = env.getWorkflowClient();
    contact = CallTestSupport.contactStub(client, CONTACT);
  }

  @Test
  void givenAHumanAnswers_whenTheCompletedEventArrivesBySignal_itShouldRecordTheAttemptAndReportToTheBatch() {
    center.provider(FakeCallCenter.answerAfter(Duration.ofSeconds(25), Disposition.ANSWERED_HUMAN));

    ContactOutcome outcome = contact.call(contactInput(CONTACT, ONE_TRY));

    assertEquals(new ContactOutcome(CONTACT, Disposition.ANSWERED_HUMAN, 1), outcome);
    assertEquals(List.of(new PlanRequest(ORG, BATCH, CONTACT, 1, 0, ONE_TRY)), requests());
    UUID attemptId = onlyPlacement().attemptId();
    assertEquals(List.of(new AttemptOutcome(ORG, attemptId, Disposition.ANSWERED_HUMAN, "completed", "done")),
        center.outcomes());
    assertEquals(List.of(new ContactResult(ORG, BATCH, CONTACT, Disposition.ANSWERED_HUMAN, 1)), center.results());
    assertTrue(center.polls().isEmpty(), "the signal arrived before the answer timeout: no poll");
    assertEquals("done", statusAttribute(client, workflowId()));
    assertEquals(new ContactProgress(ContactState.DONE, 1, 0, Disposition.ANSWERED_HUMAN, 0), contact.progress());
    assertReportedToTheBatch();
  }

  @Test
  void givenNoAnswerTwice_whenTheRetryDelayIsAnHour_itShouldDialThreeTimesAnHourApart() {
    center.provider(FakeCallCenter.answer(Disposition.NO_ANSWER, Disposition.NO_ANSWER, Disposition.ANSWERED_HUMAN));

    ContactOutcome outcome = contact.call(contactInput(CONTACT, RETRY_NO_ANSWER));

    assertEquals(new ContactOutcome(CONTACT, Disposition.ANSWERED_HUMAN, 3), outcome);
    assertEquals(List.of("retry", "retry", "done"), center.outcomes().stream().map(AttemptOutcome::nextStep).toList());
    assertEquals(List.of(Disposition.NO_ANSWER, Disposition.NO_ANSWER, Disposition.ANSWERED_HUMAN),
        center.outcomes().stream().map(AttemptOutcome::disposition).toList());
    assertEquals(List.of(1, 2, 3), requests().stream().map(PlanRequest::attemptNumber).toList());
    List<Placement> placements = center.placements();
    for (int i = 1; i < placements.size(); i++) {
      long gap = placements.get(i).atMillis() - placements.get(i - 1).atMillis();
      assertTrue(gap >= HOUR && gap < HOUR + 60_000, "retry " + i + " came " + gap + " ms after the previous call");
      assertEquals(0, placements.get(i).phoneIndex());
    }
  }

  @Test
  void givenNoAnswerEveryTime_whenAttemptsRunOut_itShouldEndNoAnswer() {
    center.provider(FakeCallCenter.answer(Disposition.NO_ANSWER));

    ContactOutcome outcome = contact.call(contactInput(CONTACT, settings(1, 1, 2, Map.of("no_answer", 600L), 60)));

    assertEquals(new ContactOutcome(CONTACT, Disposition.NO_ANSWER, 2), outcome);
    assertEquals(List.of("retry", "done"), center.outcomes().stream().map(AttemptOutcome::nextStep).toList());
  }

  @Test
  void givenAnInvalidFirstNumber_whenDialed_itShouldMoveToTheNextNumberWithoutRetryingTheDial() {
    center.provider((placement, c) -> {
      if (placement.phoneIndex() == 0) {
        throw ApplicationFailure.newNonRetryableFailure("number is not dialable", CallFailure.INVALID_NUMBER.type());
      }
      FakeCallCenter.answer(Disposition.ANSWERED_HUMAN).placed(placement, c);
    });

    ContactOutcome outcome = contact.call(contactInput(CONTACT, RETRY_NO_ANSWER));

    assertEquals(new ContactOutcome(CONTACT, Disposition.ANSWERED_HUMAN, 2), outcome);
    assertEquals(List.of(new PlanRequest(ORG, BATCH, CONTACT, 1, 0, RETRY_NO_ANSWER),
        new PlanRequest(ORG, BATCH, CONTACT, 2, 1, RETRY_NO_ANSWER)), requests());
    List<AttemptOutcome> outcomes = center.outcomes();
    assertEquals(new AttemptOutcome(ORG, center.placements().get(0).attemptId(), Disposition.INVALID_NUMBER,
        "number is not dialable", "next_number"), outcomes.get(0));
    assertEquals(Disposition.ANSWERED_HUMAN, outcomes.get(1).disposition());
    assertEquals(List.of(0, 1), center.placements().stream().map(Placement::phoneIndex).toList(),
        "an invalid number is dialed once, never retried");
  }

  @Test
  void givenTheOnlyNumberIsInvalid_whenNoOtherNumberIsLeft_itShouldEndInvalidNumber() {
    center.phonesPerContact(1).provider((placement, c) -> {
      throw ApplicationFailure.newNonRetryableFailure("number is not dialable", CallFailure.INVALID_NUMBER.type());
    });

    ContactOutcome outcome = contact.call(contactInput(CONTACT, RETRY_NO_ANSWER));

    assertEquals(new ContactOutcome(CONTACT, Disposition.INVALID_NUMBER, 1), outcome);
    assertEquals(List.of(Decision.DIAL, Decision.NO_USABLE_NUMBER), center.plans().stream().map(PlanCall::decision).toList());
  }

  @Test
  void givenTheContactIsOutsideItsWindow_whenPlanned_itShouldSleepUntilTheWindowOpensAndPlanAgain() {
    long notBefore = env.currentTimeMillis() + 2 * HOUR + 17 * 60_000;
    center.planner((request, now) -> now < notBefore
        ? new AttemptPlan(Decision.WAIT, null, notBefore, request.phoneIndex(), "outside the calling window")
        : null);
    WorkflowClient.start(contact::call, contactInput(CONTACT, ONE_TRY));
    eventually("the contact waits for its window", () -> contact.progress().state() == ContactState.WAITING
        && contact.progress().waitingUntilEpochMs() == notBefore);

    ContactOutcome outcome = WorkflowStub.fromTyped(contact).getResult(ContactOutcome.class);

    assertEquals(new ContactOutcome(CONTACT, Disposition.ANSWERED_HUMAN, 1), outcome);
    List<PlanCall> plans = center.plans();
    assertEquals(List.of(Decision.WAIT, Decision.DIAL), plans.stream().map(PlanCall::decision).toList());
    assertEquals(1, plans.get(1).request().attemptNumber(), "waiting for a window is not an attempt");
    long replanned = plans.get(1).atMillis();
    assertTrue(replanned >= notBefore && replanned < notBefore + 5_000, "planned again at " + (replanned - notBefore));
    assertTrue(onlyPlacement().atMillis() >= notBefore);
  }

  @Test
  void givenEventsOutOfOrderAndTwice_whenTheCallEnds_itShouldKeepTheTerminalOneAndRecordTheAttemptOnce() {
    center.poller((placement, n) -> center.event(placement, "busy", 99, Disposition.BUSY));
    center.provider((placement, c) -> {
      Placement older = new Placement(BATCH, CONTACT, UUID.randomUUID(), 0, 0, 0);
      c.send(placement, c.event(older, "busy", 5, Disposition.BUSY));
      c.send(placement, "completed", 3, Disposition.ANSWERED_HUMAN);
      c.send(placement, "ringing", 1, null);
      c.send(placement, "completed", 3, Disposition.ANSWERED_HUMAN);
      c.send(placement, "in-progress", 2, null);
    });

    ContactOutcome outcome = contact.call(contactInput(CONTACT, ONE_TRY));

    assertEquals(new ContactOutcome(CONTACT, Disposition.ANSWERED_HUMAN, 1), outcome);
    assertEquals(List.of(new AttemptOutcome(ORG, onlyPlacement().attemptId(), Disposition.ANSWERED_HUMAN, "completed",
        "done")), center.outcomes());
    assertTrue(center.polls().isEmpty(), "the terminal event was kept: nothing to poll");
  }

  @Test
  void givenNoTerminalEvent_whenTheAnswerTimeoutPasses_itShouldTakeTheDispositionFromAPoll() {
    center.provider(FakeCallCenter.hold())
        .poller((placement, n) -> center.event(placement, "no-answer", Integer.MAX_VALUE, Disposition.NO_ANSWER));

    ContactOutcome outcome = contact.call(contactInput(CONTACT, ONE_TRY));

    assertEquals(new ContactOutcome(CONTACT, Disposition.NO_ANSWER, 1), outcome);
    assertEquals(1, center.polls().size());
    assertTrue(center.polls().get(0).atMillis() - onlyPlacement().atMillis() >= ANSWER_TIMEOUT * 1000);
    assertEquals("no-answer", center.outcomes().get(0).reason());
  }

  @Test
  void givenTheProviderSaysInProgressTwice_whenPolled_itShouldGiveUpAsFailed() {
    center.provider(FakeCallCenter.hold());

    ContactOutcome outcome = contact.call(contactInput(CONTACT, ONE_TRY));

    assertEquals(new ContactOutcome(CONTACT, Disposition.FAILED, 1), outcome);
    assertEquals(2, center.polls().size());
    assertTrue(center.polls().get(1).atMillis() - onlyPlacement().atMillis() >= 2 * ANSWER_TIMEOUT * 1000);
    assertEquals(List.of(new AttemptOutcome(ORG, onlyPlacement().attemptId(), Disposition.FAILED,
        ContactCallWorkflowImpl.NO_TERMINAL_STATUS, "done")), center.outcomes());
  }

  @Test
  void givenAContactOnTheDncList_whenPlanned_itShouldStopWithoutDialing() {
    center.planner((request, now) ->
        new AttemptPlan(Decision.BLOCKED_DNC, null, 0, request.phoneIndex(), "number on the DNC list"));

    ContactOutcome outcome = contact.call(contactInput(CONTACT, ONE_TRY));

    assertEquals(new ContactOutcome(CONTACT, Disposition.BLOCKED_DNC, 0), outcome);
    assertTrue(center.placements().isEmpty());
    assertTrue(center.outcomes().isEmpty());
    assertEquals(List.of(new ContactResult(ORG, BATCH, CONTACT, Disposition.BLOCKED_DNC, 0)), center.results());
  }

  @Test
  void givenARetryWait_whenCancelled_itShouldStopAtOnceWithoutDialingAgain() {
    center.provider(FakeCallCenter.answer(Disposition.NO_ANSWER));
    WorkflowClient.start(contact::call, contactInput(CONTACT, RETRY_NO_ANSWER));
    eventually("the contact waits to retry", () -> contact.progress().state() == ContactState.RETRY_WAIT);

    contact.cancel("the contact asked not to be called");
    ContactOutcome outcome = WorkflowStub.fromTyped(contact).getResult(ContactOutcome.class);

    assertEquals(new ContactOutcome(CONTACT, Disposition.CANCELED, 1), outcome);
    assertEquals(1, center.placements().size());
    assertEquals(List.of("retry"), center.outcomes().stream().map(AttemptOutcome::nextStep).toList());
    // the close time from history: the test server may fire the orphaned retry timer once the result is in
    List<HistoryEvent> events = CallTestSupport.history(client, CallIds.contactWorkflowId(BATCH, CONTACT));
    long closedAt = com.google.protobuf.util.Timestamps.toMillis(events.get(events.size() - 1).getEventTime());
    assertTrue(closedAt - onlyPlacement().atMillis() < HOUR, "the retry delay was not waited out");
    assertEquals(List.of(new ContactResult(ORG, BATCH, CONTACT, Disposition.CANCELED, 1)), center.results());
  }

  private List<PlanRequest> requests() {
    return center.plans().stream().map(PlanCall::request).toList();
  }

  private Placement onlyPlacement() {
    List<Placement> placements = center.placements();
    assertEquals(1, placements.size(), "placements");
    return placements.get(0);
  }

  private String workflowId() {
    return CallIds.contactWorkflowId(BATCH, CONTACT);
  }

  private void assertReportedToTheBatch() {
    List<HistoryEvent> reports = CallTestSupport.history(client, workflowId()).stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED)
        .toList();
    // no batch runs in these tests, so the report is retried (as it would be while a batch continues-as-new)
    assertEquals(12, reports.size(), "the report is retried while the batch cannot be reached");
    for (HistoryEvent report : reports) {
      var attributes = report.getSignalExternalWorkflowExecutionInitiatedEventAttributes();
      assertEquals(BATCH_WORKFLOW_ID, attributes.getWorkflowExecution().getWorkflowId());
      assertEquals("contactFinished", attributes.getSignalName());
    }
  }
}
