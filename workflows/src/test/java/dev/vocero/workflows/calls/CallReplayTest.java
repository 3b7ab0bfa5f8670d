package dev.vocero.workflows.calls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.codec.ReplayThroughCodec;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 1.0 histories must keep replaying against the current implementations (see docs/workflow-versions.md). */
class CallReplayTest {
  /** A child of a batch: window wait, no-answer, retry wait, human answer signalled mid-wait, report to the batch. */
  private static final String CONTACT = "histories/contact-call.json";
  /** Reported, then the recording arrived and became an abandoned audio child. */
  private static final String CONTACT_RECORDING = "histories/contact-call-recording.json";
  /** Refused credit: recorded no_credit, paused the batch, reported; never dialed. */
  private static final String CONTACT_NO_CREDIT = "histories/contact-call-no-credit.json";
  /** Started again after a restart: settled the cut-off attempt from its stored callback, then retried. */
  private static final String CONTACT_RESUMED = "histories/contact-call-resumed.json";
  /** {@code contact-call-lean-attempt} 1: the contact's path with two local activities per attempt, credits enforced. */
  private static final String CONTACT_LEAN = "histories/contact-call-lean-attempt.json";
  /** A run behind its timetable starts 3 due children in one task, a report frees a slot, then continue-as-new. */
  private static final String BATCH = "histories/call-batch.json";

  @Test
  void givenTheContactCallHistories_whenReplayed_itShouldBeDeterministic() {
    for (String history : new String[] {CONTACT, CONTACT_RECORDING, CONTACT_NO_CREDIT, CONTACT_RESUMED, CONTACT_LEAN}) {
      assertDoesNotThrow(() ->
          ReplayThroughCodec.fromResource(history, ContactCallWorkflowImpl.class), history);
    }
  }

  @Test
  void givenTheCallBatchHistory_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        ReplayThroughCodec.fromResource(BATCH, CallBatchWorkflowImpl.class));
  }

  @Test
  void givenTheContactHistory_itShouldCoverLocalStepsCreditsRetriesAndTheReport() throws IOException {
    List<HistoryEvent> contact = events(CONTACT);
    List<String> markers = markerPayloads(contact);
    assertFalse(markers.contains("\"Version\""), "1.0 has no version markers");
    assertTrue(markers.contains("\"CallsPlanAttempt\""), "planned as a local activity");
    assertTrue(markers.contains("\"CreditsReserveCall\""));
    assertTrue(markers.contains("\"CreditsSettleCall\""));
    assertEquals(0, count(contact, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "CallsPlanAttempt"));
    assertEquals(4, count(contact, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED), "provider events");
    assertEquals(2, count(contact, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "CallsPlaceCall"), "two dials");
    assertEquals(1, count(contact, EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED));
  }

  @Test
  void givenTheLeanAttemptHistory_itShouldCoverTwoLocalStepsPerAttemptAndOnlyTheLastingStates() throws IOException {
    List<HistoryEvent> lean = events(CONTACT_LEAN);
    List<String> markers = markerPayloads(lean);
    assertTrue(markers.contains("\"" + ContactCallWorkflowImpl.LEAN_ATTEMPT + "\""), "the version marker");
    assertEquals(3, markerPayloads(lean).stream().filter("\"CallAttemptPlanAndHold\""::equals).count(), "wait, then two dials");
    assertEquals(2, markerPayloads(lean).stream().filter("\"CallAttemptCloseAttempt\""::equals).count());
    assertFalse(markers.contains("\"CreditsReserveCall\""));
    assertFalse(markers.contains("\"CallsRecordContactResult\""), "stored by the last close");
    assertEquals(2, count(lean, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "CallsPlaceCall"), "two dials");
    assertEquals(2, count(lean, EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES), "retry_wait and done only");
    assertEquals(1, count(lean, EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED), "one report");
  }

  @Test
  void givenTheOtherContactHistories_itShouldCoverTheRecordingTheRefusalAndTheResume() throws IOException {
    List<HistoryEvent> recorded = events(CONTACT_RECORDING);
    assertEquals(1, count(recorded, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "RecordingsStoreRecording"));
    assertEquals(1, count(recorded, EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED));

    List<HistoryEvent> refused = events(CONTACT_NO_CREDIT);
    assertTrue(markerPayloads(refused).contains("\"CreditsReserveCall\""));
    assertFalse(markerPayloads(refused).contains("\"CreditsSettleCall\""));
    assertEquals(0, count(refused, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "CallsPlaceCall"), "never dialed");
    assertEquals(2, count(refused, EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED),
        "creditExhausted, then contactFinished");

    List<HistoryEvent> resumed = events(CONTACT_RESUMED);
    assertTrue(markerPayloads(resumed).contains("\"CallsResumePoint\""), "the resume point, read as a local activity");
    assertEquals(1, count(resumed, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "CallsPlaceCall"), "attempt 2 only");
  }

  @Test
  void givenTheBatchHistory_itShouldCoverTheTimetableAndTheContinueAsNew() throws IOException {
    List<HistoryEvent> batch = events(BATCH);
    assertEquals(0, count(batch, EventType.EVENT_TYPE_MARKER_RECORDED), "1.0 has no version markers");
    assertEquals(4, count(batch, EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED));
    List<Long> decisionTimes = CallTestSupport.childStartDecisionTimes(batch);
    assertEquals(3, decisionTimes.stream().filter(t -> t.equals(decisionTimes.get(0))).count(),
        "three due starts in the first dispatch task");
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW, batch.get(batch.size() - 1).getEventType());
  }

  private static List<HistoryEvent> events(String resource) throws IOException {
    try (InputStream in = CallReplayTest.class.getResourceAsStream("/" + resource)) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return WorkflowExecutionHistory.fromJson(json).getHistory().getEventsList();
    }
  }

  private static List<String> markerPayloads(List<HistoryEvent> events) {
    return events.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
        .flatMap(e -> e.getMarkerRecordedEventAttributes().getDetailsMap().values().stream())
        .flatMap(p -> p.getPayloadsList().stream())
        .map(p -> p.getData().toStringUtf8())
        .toList();
  }

  private static long count(List<HistoryEvent> events, EventType type) {
    return events.stream().filter(e -> e.getEventType() == type).count();
  }

  private static long count(List<HistoryEvent> events, EventType type, String activityType) {
    return events.stream().filter(e -> e.getEventType() == type)
        .filter(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(activityType))
        .count();
  }
}
