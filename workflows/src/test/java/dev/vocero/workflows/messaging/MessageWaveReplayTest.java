package dev.vocero.workflows.messaging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The 1.0 wave histories must keep replaying against the current implementation (see docs/workflow-versions.md). */
class MessageWaveReplayTest {
  /** Five contacts (one DNC skip, one refusal), paused and resumed by updates. */
  private static final String WAVE = "histories/message-wave.json";
  /** The second contact refused for credit, the wave paused itself, resumed, sent all three. */
  private static final String WAVE_CREDITS = "histories/message-wave-credits.json";
  /** wave-policy-wait: the second of three contacts allowed a day later, deferred and sent then. */
  private static final String WAVE_POLICY_WAIT = "histories/message-wave-policy-wait.json";

  @Test
  void givenTheWaveHistory_whenReplayed_itShouldBeDeterministic() throws IOException {
    assertDoesNotThrow(() ->
        ReplayThroughCodec.fromResource(WAVE, MessageWaveWorkflowImpl.class));
    List<HistoryEvent> wave = events(WAVE);
    assertEquals(0, count(wave, EventType.EVENT_TYPE_MARKER_RECORDED), "1.0 has no version markers");
    assertEquals(5, count(wave, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "MessagesSend"));
    assertEquals(1, count(wave, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "MessagesRecordFailure"));
    assertEquals(2, count(wave, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED), "pause and resume");
  }

  @Test
  void givenAWaveHistoryThatPausedForCredit_whenReplayed_itShouldBeDeterministic() throws IOException {
    assertDoesNotThrow(() ->
        ReplayThroughCodec.fromResource(WAVE_CREDITS, MessageWaveWorkflowImpl.class));
    List<HistoryEvent> wave = events(WAVE_CREDITS);
    assertEquals(4, count(wave, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "MessagesSend"), "contact 2 twice");
    assertEquals(3, count(wave, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "MessagesRecordWave"),
        "paused for credit, resumed, completed");
  }

  @Test
  void givenTheWaveHistoryThatDeferredAContact_whenReplayed_itShouldBeDeterministic() throws IOException {
    assertDoesNotThrow(() ->
        ReplayThroughCodec.fromResource(WAVE_POLICY_WAIT, MessageWaveWorkflowImpl.class));
    List<HistoryEvent> wave = events(WAVE_POLICY_WAIT);
    assertEquals(1, count(wave, EventType.EVENT_TYPE_MARKER_RECORDED), "the wave-policy-wait version marker");
    assertEquals(4, count(wave, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, "MessagesSend"), "contact 2 twice");
    assertTrue(wave.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
        .anyMatch(e -> e.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds() > 3600),
        "a timer to the deferred contact's time");
  }

  static List<HistoryEvent> events(String resource) throws IOException {
    try (InputStream in = MessageWaveReplayTest.class.getResourceAsStream("/" + resource)) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return WorkflowExecutionHistory.fromJson(json).getHistory().getEventsList();
    }
  }

  static long count(List<HistoryEvent> events, EventType type) {
    return events.stream().filter(e -> e.getEventType() == type).count();
  }

  static long count(List<HistoryEvent> events, EventType type, String activityType) {
    return events.stream().filter(e -> e.getEventType() == type)
        .filter(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(activityType))
        .count();
  }
}
