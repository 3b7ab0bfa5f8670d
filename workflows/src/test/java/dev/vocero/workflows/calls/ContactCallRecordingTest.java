package dev.vocero.workflows.calls;

import static dev.vocero.workflows.calls.CallTestSupport.BATCH;
import static dev.vocero.workflows.calls.CallTestSupport.ORG;
import static dev.vocero.workflows.calls.CallTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.audio.AudioIds;
import dev.vocero.workflows.calls.CallRecordingActivities.RecordingRequest;
import dev.vocero.workflows.calls.FakeCallCenter.Placement;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recorded calls: the contact reports to its batch first, then turns the recording into an audio child workflow. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ContactCallRecordingTest {
  private static final long CONTACT = 1;
  private static final Duration WAIT = Duration.ofMinutes(10);
  private static final BatchSettings ONE_TRY = settings(1, 1, 1, Map.of(), 120);

  @RegisterExtension
  final TestWorkflowExtension temporal = CallTestSupport.extension();

  private WorkflowClient client;
  private FakeCallCenter center;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env) {
    center = new FakeCallCenter(env).contacts(List.of(CONTACT)).recordingWait(WAIT);
    CallTestSupport.start(env, center);
    client = env.getWorkflowClient();
  }

  @Test
  void givenARecordedAnsweredCall_whenTheRecordingArrives_itShouldReportFirstThenStartOneAudioChild() {
    center.provider((placement, c) -> {
      FakeCallCenter.answerAfter(Duration.ofSeconds(30), Disposition.ANSWERED_HUMAN).placed(placement, c);
      c.sendRecordingLater(Duration.ofMinutes(2), placement, c.recording(placement, "completed"));
    });

    BatchProgress batch = CallTestSupport.batchStub(client).run(CallBatchInput.first(ORG, BATCH, ONE_TRY));
    ContactOutcome outcome = contactResult();

    assertEquals(1, batch.finished(), "the batch completed without waiting for the recording");
    assertEquals(Disposition.ANSWERED_HUMAN, outcome.disposition());
    RecordingRequest stored = onlyStoredRecording();
    assertEquals(onlyPlacement().attemptId(), stored.attemptId());
    assertEquals("completed", stored.recording().status());

    List<HistoryEvent> history = contactHistory();
    assertTrue(indexOf(history, EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED)
        < indexOf(history, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED), "reported to the batch before the download");
    List<HistoryEvent> children = events(history, EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED);
    assertEquals(1, children.size());
    var child = children.get(0).getStartChildWorkflowExecutionInitiatedEventAttributes();
    UUID audioId = audioIdOf(stored);
    assertEquals(AudioIds.workflowId(audioId), child.getWorkflowId());
    assertEquals(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON, child.getParentClosePolicy());
    assertEquals(0, events(history, EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED).size(),
        "the contact does not wait for transcription");
    // (the test server stops skipping time once a parent closed over an abandoned child, so its end is not awaited)
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
        client.newUntypedWorkflowStub(AudioIds.workflowId(audioId)).describe().getStatus(),
        "the abandoned child runs on after the contact closed");
  }

  @Test
  void givenARecordedCall_whenTheRecordingNeverComes_itShouldEndNormallyAfterTheWait() {
    center.provider(FakeCallCenter.answerAfter(Duration.ofSeconds(30), Disposition.ANSWERED_HUMAN));

    CallTestSupport.batchStub(client).run(CallBatchInput.first(ORG, BATCH, ONE_TRY));
    ContactOutcome outcome = contactResult();

    assertEquals(new ContactOutcome(CONTACT, Disposition.ANSWERED_HUMAN, 1), outcome);
    assertTrue(center.storedRecordings().isEmpty());
    List<HistoryEvent> history = contactHistory();
    assertEquals(0, events(history, EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED).size());
    assertEquals(WAIT.toSeconds(), events(history, EventType.EVENT_TYPE_TIMER_STARTED).stream()
        .mapToLong(e -> e.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds()).max().orElse(0),
        "the wait is bounded");
  }

  @Test
  void givenTheSameRecordingEventTwiceAndALaterFailure_itShouldStoreOneAudio() {
    center.provider((placement, c) -> {
      FakeCallCenter.answerAfter(Duration.ofSeconds(30), Disposition.ANSWERED_HUMAN).placed(placement, c);
      RecordingEvent completed = c.recording(placement, "completed");
      c.sendRecording(placement, c.recording(placement, "in-progress"));
      c.sendRecordingLater(Duration.ofSeconds(40), placement, completed);
      c.sendRecordingLater(Duration.ofSeconds(41), placement, completed);
      c.sendRecordingLater(Duration.ofSeconds(42), placement, c.recording(placement, "failed"));
    });

    CallTestSupport.batchStub(client).run(CallBatchInput.first(ORG, BATCH, ONE_TRY));
    contactResult();

    assertEquals("completed", onlyStoredRecording().recording().status());
    assertEquals(1, events(contactHistory(), EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED).size());
  }

  @Test
  void givenARecordedCallThatWasNotAnswered_itShouldNotWaitForARecording() {
    center.provider(FakeCallCenter.answer(Disposition.BUSY));

    CallTestSupport.batchStub(client).run(CallBatchInput.first(ORG, BATCH, ONE_TRY));
    contactResult();

    assertTrue(center.storedRecordings().isEmpty());
    assertEquals(0, events(contactHistory(), EventType.EVENT_TYPE_TIMER_STARTED).stream()
        .filter(e -> e.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds() == WAIT.toSeconds()).count(),
        "no recording wait");
  }

  private ContactOutcome contactResult() {
    return client.newUntypedWorkflowStub(CallIds.contactWorkflowId(BATCH, CONTACT)).getResult(ContactOutcome.class);
  }

  private List<HistoryEvent> contactHistory() {
    return CallTestSupport.history(client, CallIds.contactWorkflowId(BATCH, CONTACT));
  }

  private Placement onlyPlacement() {
    assertEquals(1, center.placements().size());
    return center.placements().get(0);
  }

  private RecordingRequest onlyStoredRecording() {
    assertEquals(1, center.storedRecordings().size(), "stored once");
    return center.storedRecordings().get(0);
  }

  private static UUID audioIdOf(RecordingRequest request) {
    return UUID.nameUUIDFromBytes((request.attemptId() + ":" + request.recording().recordingId())
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static List<HistoryEvent> events(List<HistoryEvent> history, EventType type) {
    return history.stream().filter(e -> e.getEventType() == type).toList();
  }

  private static int indexOf(List<HistoryEvent> history, EventType type) {
    for (int i = 0; i < history.size(); i++) {
      if (history.get(i).getEventType() == type
          && (type != EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED || history.get(i)
              .getActivityTaskScheduledEventAttributes().getActivityType().getName().startsWith("Recordings"))) {
        return i;
      }
    }
    throw new AssertionError("no " + type + " in the history");
  }
}
