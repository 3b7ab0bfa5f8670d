package dev.vocero.workers.bench.window;

import dev.vocero.workflows.common.TaskQueues;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * As the sample: keeps at most {@code window} children running, each reports by signal (deduplicated), waits for the
 * page's starts and continues as new after {@code pageSize} starts. Records are numbers, so there is no page read.
 */
public final class WindowBatchWorkflowImpl implements WindowBatchWorkflow {
  private final Set<Integer> early = new HashSet<>();
  private Set<Integer> running;
  private int finished;

  @Override
  public int run(WindowInput input) {
    running = new LinkedHashSet<>(input.running());
    finished = input.finished();
    int before = running.size();
    running.removeAll(early);
    finished += before - running.size();
    String parentId = Workflow.getInfo().getWorkflowId();
    List<Promise<WorkflowExecution>> startedThisRun = new ArrayList<>();
    int next = input.offset();
    while (true) {
      Workflow.await(() -> running.size() < input.window());
      if (next >= input.total()) {
        Workflow.await(running::isEmpty);
        return finished;
      }
      int record = next++;
      WindowRecordWorkflow child = Workflow.newChildWorkflowStub(WindowRecordWorkflow.class,
          ChildWorkflowOptions.newBuilder().setWorkflowId(parentId + "/" + record).setTaskQueue(TaskQueues.WORKFLOWS)
              .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON).build());
      Async.procedure(child::process, record);
      startedThisRun.add(Workflow.getWorkflowExecution(child));
      running.add(record);
      if (startedThisRun.size() == input.pageSize()) {
        Promise.allOf(startedThisRun).get();
        WindowBatchWorkflow nextRun = Workflow.newContinueAsNewStub(WindowBatchWorkflow.class);
        return nextRun.run(new WindowInput(input.total(), next, input.pageSize(), input.window(), List.copyOf(running),
            finished));
      }
    }
  }

  @Override
  public void reportCompletion(int record) {
    if (running == null) {
      early.add(record);
    } else if (running.remove(record)) {
      finished++;
    }
  }
}
