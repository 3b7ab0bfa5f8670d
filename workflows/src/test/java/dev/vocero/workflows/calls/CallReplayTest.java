package dev.vocero.workflows.calls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored histories of released versions must keep replaying against the current implementations. */
class CallReplayTest {
  /** A child of a batch: window wait, no-answer, retry wait, human answer signalled mid-wait, report to the batch. */
  private static final String CONTACT_V1 = "histories/contact-call-v1.json";
  /** Since "call-recordings" v1: reported, then the recording arrived and became an abandoned audio child. */
  private static final String CONTACT_RECORDING_V2 = "histories/contact-call-recording-v2.json";
  /** The first run of a two-page batch: three children (one after a report freed a slot), continue-as-new. */
  private static final String BATCH_V1 = "histories/call-batch-v1.json";
  /** v1 "dispatch-timetable": a run behind its timetable starts 3 due children in one task, then continues-as-new. */
  private static final String BATCH_V2 = "histories/call-batch-v2.json";
  /** v1 "local-steps": plan and record as local activities. */
  private static final String CONTACT_V2 = "histories/contact-call-v2.json";
  /** v1 "credits": held, dialed, settled. */
  private static final String CONTACT_CREDITS_V3 = "histories/contact-call-credits-v3.json";
  /** v1 "credits": refused, recorded no_credit, paused the batch, reported; never dialed. */
  private static final String CONTACT_NO_CREDIT_V3 = "histories/contact-call-no-credit-v3.json";
  /** v1 "resume-from-store": started again after a restart, settled the cut-off attempt from its stored callback. */
  private static final String CONTACT_RESUMED_V4 = "histories/contact-call-resumed-v4.json";

  @Test
  void givenAResumedContactCallHistory_whenReplayed_itShouldBeDeterministic() throws IOException {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(CONTACT_RESUMED_V4, ContactCallWorkflowImpl.class));
    List<HistoryEvent> events = events(CONTACT_RESUMED_V4);
    assertTrue(markerPayloads(events).contains("\"resume-from-store\""), "the resume version marker");
    assertTrue(markerPayloads(events).contains("\"CallsResumePoint\""), "the resume point, read as a local activity");
    assertEquals(1, count(events, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "CallsPlaceCall"), "attempt 2 only");
  }

  @Test
  void givenAContactCallV1History_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(CONTACT_V1, ContactCallWorkflowImpl.class));
  }

  @Test
  void givenARecordedContactCallHistory_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(CONTACT_RECORDING_V2, ContactCallWorkflowImpl.class));
  }

  @Test
  void givenACallBatchV1RunThatContinuedAsNew_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(BATCH_V1, CallBatchWorkflowImpl.class));
  }

  @Test
  void givenACallBatchV2RunOnTheTimetable_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(BATCH_V2, CallBatchWorkflowImpl.class));
  }

  @Test
  void givenAContactCallV2HistoryWithLocalSteps_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(CONTACT_V2, ContactCallWorkflowImpl.class));
  }

  @Test
  void givenContactCallHistoriesWithCredits_whenReplayed_itShouldBeDeterministic() {
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(CONTACT_CREDITS_V3, ContactCallWorkflowImpl.class));
    assertDoesNotThrow(() ->
        WorkflowReplayer.replayWorkflowExecutionFromResource(CONTACT_NO_CREDIT_V3, ContactCallWorkflowImpl.class));
  }

  @Test
  void givenTheCreditHistories_itShouldCoverTheHoldTheChargeAndTheRefusal() throws IOException {
    List<HistoryEvent> covered = events(CONTACT_CREDITS_V3);
    List<String> markers = markerPayloads(covered);
    assertTrue(markers.contains("\"credits\""), "the credits version marker");
    assertTrue(markers.contains("\"CreditsReserveCall\""));
    assertTrue(markers.contains("\"CreditsSettleCall\""));
    assertEquals(1, count(covered, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "CallsPlaceCall"));

    List<HistoryEvent> refused = events(CONTACT_NO_CREDIT_V3);
    assertTrue(markerPayloads(refused).contains("\"CreditsReserveCall\""));
    assertFalse(markerPayloads(refused).contains("\"CreditsSettleCall\""));
    assertEquals(0, count(refused, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "CallsPlaceCall"), "never dialed");
    assertEquals(2, count(refused, EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED),
        "creditExhausted, then contactFinished");
  }

  @Test
  void givenTheV2Histories_itShouldCoverTheNewBehaviour() throws IOException {
    List<HistoryEvent> batch = events(BATCH_V2);
    assertEquals(1, count(batch, EventType.EVENT_TYPE_MARKER_RECORDED), "the dispatch-timetable marker");
    assertEquals(4, count(batch, EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED));
    assertEquals(3, CallTestSupport.childStartDecisionTimes(batch).stream().filter(t -> t.equals(
        CallTestSupport.childStartDecisionTimes(batch).get(0))).count(), "three due starts in the first dispatch task");
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW, batch.get(batch.size() - 1).getEventType());

    List<HistoryEvent> contact = events(CONTACT_V2);
    assertEquals(0, count(contact, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "CallsPlanAttempt"), "planned locally");
    assertEquals(1, count(contact, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "CallsPlaceCall"), "dialed remotely");
  }

  @Test
  void givenTheStoredHistories_itShouldCoverTheirIntendedPaths() throws IOException {
    List<HistoryEvent> contact = events(CONTACT_V1);
    assertEquals(4, count(contact, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED), "provider events");
    assertEquals(2, count(contact, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "CallsPlaceCall"), "two dials");
    assertEquals(1, count(contact, EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED));

    List<HistoryEvent> recorded = events(CONTACT_RECORDING_V2);
    assertEquals(1, count(recorded, EventType.EVENT_TYPE_MARKER_RECORDED), "the call-recordings version marker");
    assertEquals(1, count(recorded, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "RecordingsStoreRecording"));
    assertEquals(1, count(recorded, EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED));

    List<HistoryEvent> batch = events(BATCH_V1);
    assertEquals(3, count(batch, EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED));
    assertEquals(2, count(batch, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED), "contactFinished reports");
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
