package dev.vocero.workers.bench.window;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The engine baseline's child: reports to its parent at once and completes. */
@WorkflowInterface
public interface WindowRecordWorkflow {
  @WorkflowMethod(name = "BenchWindowRecord")
  void process(int record);
}
