package dev.vocero.workflows.calls;

import static dev.vocero.workflows.calls.CallTestSupport.BATCH;
import static dev.vocero.workflows.calls.CallTestSupport.HOUR;
import static dev.vocero.workflows.calls.CallTestSupport.ORG;
import static dev.vocero.workflows.calls.CallTestSupport.resumedContactInput;
import static dev.vocero.workflows.calls.CallTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.calls.ContactCallActivities.AttemptOutcome;
import dev.vocero.workflows.calls.ContactCallActivities.PlanRequest;
import dev.vocero.workflows.calls.ContactCallActivities.ResumePoint;
import dev.vocero.workflows.calls.ContactCallActivities.ResumeRequest;
import dev.vocero.workflows.calls.FakeCallCenter.Placement;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A contact's workflow started again after {@code vocero dev} restarted: it goes on from what PostgreSQL says. */
class ContactCallResumeTest {
  private static final long CONTACT = 11;
  private static final BatchSettings RETRY_NO_ANSWER = settings(1, 1, 3, Map.of("no_answer", 3600L), 60);

  @RegisterExtension
  final TestWorkflowExtension temporal = CallTestSupport.extension();

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private FakeCallCenter center;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env) {
    this.env = env;
    center = new FakeCallCenter(env);
    CallTestSupport.start(env, center);
    client = env.getWorkflowClient();
  }

  @Test
  void givenAFreshContact_whenStarted_itShouldAskWhereItStandsOnceAndDialAttemptOne() {
    ContactOutcome outcome = CallTestSupport.contactStub(client, CONTACT).call(resumedContactInput(CONTACT, RETRY_NO_ANSWER));

    assertEquals(new ContactOutcome(CONTACT, Disposition.ANSWERED_HUMAN, 1), outcome);
    assertEquals(List.of(new ResumeRequest(ORG, BATCH, CONTACT, RETRY_NO_ANSWER)), center.resumeRequests());
    assertEquals(1, center.placements().get(0).attemptNumber());
  }

  @Test
  void givenACallCutOffWhoseTerminalCallbackWasStored_whenResumed_itShouldApplyItAndRetryWithoutRedialingIt() {
    UUID open = UUID.randomUUID();
    Placement cut = center.cutOff(BATCH, CONTACT, open, 1, 0);
    center.resumeAt(CONTACT, new ResumePoint(1, 0, 1, null, 0, open,
        center.event(cut, "no-answer", 4, Disposition.NO_ANSWER), null));
    center.provider(FakeCallCenter.answer(Disposition.ANSWERED_HUMAN));
    long start = env.currentTimeMillis();

    ContactOutcome outcome = CallTestSupport.contactStub(client, CONTACT).call(resumedContactInput(CONTACT, RETRY_NO_ANSWER));

    assertEquals(new ContactOutcome(CONTACT, Disposition.ANSWERED_HUMAN, 2), outcome);
    assertEquals(new AttemptOutcome(ORG, open, Disposition.NO_ANSWER, "no-answer", "retry"), center.outcomes().get(0));
    assertEquals(List.of(2), center.plans().stream().map(p -> p.request().attemptNumber()).toList(),
        "attempt 1 is never planned again");
    assertEquals(1, center.placements().size(), "only attempt 2 is dialed");
    assertTrue(center.placements().get(0).atMillis() - start >= HOUR, "after the no_answer retry delay");
    assertTrue(center.polls().isEmpty(), "the stored callback answered: no poll");
  }

  @Test
  void givenACallCutOffThatTheProviderNoLongerKnows_whenResumed_itShouldEndInterruptedAndNeverDialAgain() {
    UUID open = UUID.randomUUID();
    Placement cut = center.cutOff(BATCH, CONTACT, open, 1, 0);
    center.resumeAt(CONTACT, new ResumePoint(1, 0, 1, null, 0, open, null, null));
    center.poller((placement, n) -> new ProviderEvent("poll:" + placement.attemptId() + ":unknown", "fake",
        placement.attemptId(), "CA-" + placement.attemptId(), -1, "unknown", false, null, null));

    ContactOutcome outcome = CallTestSupport.contactStub(client, CONTACT).call(resumedContactInput(CONTACT, RETRY_NO_ANSWER));

    assertEquals(new ContactOutcome(CONTACT, Disposition.INTERRUPTED, 1), outcome);
    assertEquals(List.of(new AttemptOutcome(ORG, cut.attemptId(), Disposition.INTERRUPTED,
        ContactCallWorkflowImpl.INTERRUPTED_REASON, "done")), center.outcomes());
    assertTrue(center.placements().isEmpty(), "never dialed again");
    assertTrue(center.plans().isEmpty(), "no further attempt planned");
    assertEquals(1, center.polls().size(), "the provider was asked once");
  }

  @Test
  void givenARetryWaitHalfRun_whenResumed_itShouldWaitOnlyTheRestThenPlanTheNextAttempt() {
    long notBefore = env.currentTimeMillis() + HOUR / 2;
    center.resumeAt(CONTACT, new ResumePoint(2, 0, 1, Disposition.NO_ANSWER, notBefore, null, null, null));
    long start = env.currentTimeMillis();

    ContactOutcome outcome = CallTestSupport.contactStub(client, CONTACT).call(resumedContactInput(CONTACT, RETRY_NO_ANSWER));

    assertEquals(new ContactOutcome(CONTACT, Disposition.ANSWERED_HUMAN, 2), outcome);
    assertEquals(List.of(new PlanRequest(ORG, BATCH, CONTACT, 2, 0, RETRY_NO_ANSWER)),
        center.plans().stream().map(p -> p.request()).toList());
    long waited = center.placements().get(0).atMillis() - start;
    assertTrue(waited >= HOUR / 2 && waited < HOUR, "waited " + waited + " ms");
  }

  @Test
  void givenAttemptsThatAlreadyEndedTheContact_whenResumed_itShouldOnlyRecordTheResult() {
    center.resumeAt(CONTACT, new ResumePoint(3, 0, 3, Disposition.NO_ANSWER, 0, null, null, Disposition.NO_ANSWER));

    ContactOutcome outcome = CallTestSupport.contactStub(client, CONTACT).call(resumedContactInput(CONTACT, RETRY_NO_ANSWER));

    assertEquals(new ContactOutcome(CONTACT, Disposition.NO_ANSWER, 3), outcome);
    assertTrue(center.plans().isEmpty() && center.placements().isEmpty());
    assertEquals(Disposition.NO_ANSWER, center.results().get(0).disposition());
  }
}
