package dev.vocero.workers.bench.window;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Reports at once; a report that fails (the parent between two runs) is tried again, as Vocero's calls do. */
public final class WindowRecordWorkflowImpl implements WindowRecordWorkflow {
  @Override
  public void process(int record) {
    String parent = Workflow.getInfo().getParentWorkflowId().orElseThrow();
    for (int attempt = 1; ; attempt++) {
      try {
        Workflow.newExternalWorkflowStub(WindowBatchWorkflow.class, parent).reportCompletion(record);
        return;
      } catch (SignalExternalWorkflowException | ApplicationFailure e) {
        if (attempt >= 12) {
          throw e;
        }
        Workflow.sleep(Duration.ofSeconds(Math.min(30, attempt * 2L)));
      }
    }
  }
}
