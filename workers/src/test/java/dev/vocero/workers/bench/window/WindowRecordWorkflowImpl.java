package dev.vocero.workers.bench.window;

import io.temporal.workflow.Workflow;

public final class WindowRecordWorkflowImpl implements WindowRecordWorkflow {
  @Override
  public void process(int record) {
    String parent = Workflow.getInfo().getParentWorkflowId().orElseThrow();
    Workflow.newExternalWorkflowStub(WindowBatchWorkflow.class, parent).reportCompletion(record);
  }
}
