package dev.vocero.workers.bench;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What workflows cost the engine, counted from their histories: events, workflow tasks, search-attribute upserts,
 * local activities (their markers), normal activities, signals sent and received, runs. Load-independent.
 */
record HistoryCosts(int runs, long events, long workflowTasks, long failedTasks, long upserts, long localActivities,
    long activities, long timers, long signalsIn, long signalsOut, long reports, long millisToReport) {

  static final HistoryCosts NONE = new HistoryCosts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Every run of a workflow ID, from the latest back through its continue-as-new chain. */
  static HistoryCosts ofChain(WorkflowClient client, String workflowId) {
    HistoryCosts sum = NONE;
    WorkflowExecutionHistory history = client.fetchHistory(workflowId);
    while (true) {
      sum = sum.plus(of(history.getEvents()));
      String previous = history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes()
          .getContinuedExecutionRunId();
      if (previous.isEmpty()) {
        return sum;
      }
      history = client.fetchHistory(workflowId, previous);
    }
  }

  /** The sum over these workflow IDs' latest runs. */
  static HistoryCosts ofEach(WorkflowClient client, List<String> workflowIds) {
    HistoryCosts sum = NONE;
    for (String id : workflowIds) {
      sum = sum.plus(of(client.fetchHistory(id).getEvents()));
    }
    return sum;
  }

  /**
   * When each child was initiated (its workflow ID → the time of its {@code StartChildWorkflowExecutionInitiated}
   * event, which is when the parent's workflow task that started it completed), over the whole continue-as-new chain.
   */
  static Map<String, Long> childStarts(WorkflowClient client, String workflowId) {
    Map<String, Long> starts = new HashMap<>();
    WorkflowExecutionHistory history = client.fetchHistory(workflowId);
    while (true) {
      for (HistoryEvent e : history.getEvents()) {
        if (e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED) {
          starts.putIfAbsent(e.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId(), millis(e));
        }
      }
      String previous = history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes()
          .getContinuedExecutionRunId();
      if (previous.isEmpty()) {
        return starts;
      }
      history = client.fetchHistory(workflowId, previous);
    }
  }

  static HistoryCosts of(List<HistoryEvent> events) {
    long tasks = 0, failed = 0, upserts = 0, local = 0, activities = 0, timers = 0, in = 0, out = 0;
    for (HistoryEvent e : events) {
      EventType type = e.getEventType();
      switch (type) {
        case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> tasks++;
        case EVENT_TYPE_WORKFLOW_TASK_FAILED, EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT -> failed++;
        case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> upserts++;
        case EVENT_TYPE_MARKER_RECORDED -> local += "LocalActivity".equals(
            e.getMarkerRecordedEventAttributes().getMarkerName()) ? 1 : 0;
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> activities++;
        case EVENT_TYPE_TIMER_STARTED -> timers++;
        case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> in++;
        case EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED -> out++;
        default -> { }
      }
    }
    long toReport = events.stream().filter(e -> e.getEventType()
        == EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED).findFirst()
        .map(e -> millis(e) - millis(events.get(0))).orElse(-1L);
    return new HistoryCosts(1, events.size(), tasks, failed, upserts, local, activities, timers, in, out,
        toReport < 0 ? 0 : 1, Math.max(0, toReport));
  }

  private static long millis(HistoryEvent e) {
    return e.getEventTime().getSeconds() * 1000 + e.getEventTime().getNanos() / 1_000_000;
  }

  /**
   * Mean milliseconds from a child's start to its first signal out (its report): about how long it holds a slot of the
   * window, so at most {@code window / this} children a second can pass through it (Little's law).
   */
  double meanMillisToReport() {
    return reports == 0 ? 0 : (double) millisToReport / reports;
  }

  HistoryCosts plus(HistoryCosts o) {
    return new HistoryCosts(runs + o.runs, events + o.events, workflowTasks + o.workflowTasks,
        failedTasks + o.failedTasks, upserts + o.upserts, localActivities + o.localActivities,
        activities + o.activities, timers + o.timers, signalsIn + o.signalsIn, signalsOut + o.signalsOut,
        reports + o.reports, millisToReport + o.millisToReport);
  }

  /** One row of the cost table: each figure divided by {@code per}. */
  String row(String label, double per) {
    return String.format("%-34s %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f%n", label, events / per,
        workflowTasks / per, failedTasks / per, upserts / per, localActivities / per, activities / per, timers / per,
        signalsIn / per, signalsOut / per);
  }

  static String header() {
    return String.format("%-34s %7s %7s %7s %7s %7s %7s %7s %7s %7s%n", "per call", "events", "wf tasks", "failed",
        "upserts", "local", "activ.", "timers", "sig in", "sig out");
  }
}
