package dev.vocero.workers.bench.window;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The engine baseline's parent: Temporal's batch/slidingwindow sample shape, test-only. */
@WorkflowInterface
public interface WindowBatchWorkflow {
  @WorkflowMethod(name = "BenchWindowBatch")
  int run(WindowInput input);

  @SignalMethod
  void reportCompletion(int record);
}
