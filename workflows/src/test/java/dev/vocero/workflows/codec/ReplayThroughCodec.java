package dev.vocero.workflows.codec;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.util.List;

/** Replays a history with the data converter production uses: every payload goes through {@link EncryptionCodec}. */
public final class ReplayThroughCodec {
  /** A fixed test key: the stored 1.0 histories are plain and pass through it; histories made with it decode. */
  public static final EncryptionCodec CODEC =
      new EncryptionCodec(List.of(new PayloadKey("test-1", new byte[PayloadKey.KEY_BYTES])), "test-1");

  private ReplayThroughCodec() {}

  public static WorkflowClientOptions clientOptions() {
    return WorkflowClientOptions.newBuilder().setDataConverter(CODEC.dataConverter()).build();
  }

  private static TestEnvironmentOptions options() {
    return TestEnvironmentOptions.newBuilder().setWorkflowClientOptions(clientOptions()).build();
  }

  public static void fromResource(String resource, Class<?> workflow) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options())) {
      WorkflowReplayer.replayWorkflowExecutionFromResource(resource, env, workflow);
    }
  }

  public static void history(WorkflowExecutionHistory history, Class<?> workflow) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options())) {
      WorkflowReplayer.replayWorkflowExecution(history, env, workflow);
    }
  }
}
