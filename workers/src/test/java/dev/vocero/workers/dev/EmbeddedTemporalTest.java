package dev.vocero.workers.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.EncryptionConfig;
import dev.vocero.workers.config.TemporalConfig;
import dev.vocero.workers.temporal.TemporalConnection;
import io.grpc.ManagedChannel;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmbeddedTemporalTest {

  @WorkflowInterface
  public interface Echo {
    @WorkflowMethod
    String echo(String text);
  }

  public static class EchoImpl implements Echo {
    @Override
    public String echo(String text) {
      Workflow.sleep(Duration.ofMillis(200));
      return text + "!";
    }
  }

  @Test
  void givenAnEmbeddedTemporal_onlyItsOwnLoopbackTargetsShouldGoInProcess() {
    int port = TestStack.freePort();
    try (EmbeddedTemporal temporal = EmbeddedTemporal.start(port)) {
      for (String target : new String[] {"localhost:" + port, "127.0.0.1:" + port}) {
        Optional<ManagedChannel> channel = EmbeddedTemporal.channelFor(target);
        assertTrue(channel.isPresent(), target);
        channel.get().shutdownNow();
      }
      for (String target : new String[] {"localhost:" + (port + 1), "temporal.example.internal:" + port, "localhost",
          "localhost:x", "", null}) {
        assertTrue(EmbeddedTemporal.channelFor(target).isEmpty(), String.valueOf(target));
      }
      assertEquals(port, temporal.port());
    }
    assertTrue(EmbeddedTemporal.channelFor("localhost:" + port).isEmpty(), "still offered after close");
  }

  @Test
  void givenAWorkerInProcess_aClientOverThePortShouldSeeTheSameServer() {
    int port = TestStack.freePort();
    try (EmbeddedTemporal temporal = EmbeddedTemporal.start(port)) {
      TemporalConnection connection = new TemporalConnection(config("localhost:" + port));
      WorkflowServiceStubs overPort = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget("localhost:" + port).build());
      WorkerFactory factory = WorkerFactory.newInstance(connection.client());
      try {
        assertTrue(connection.inProcess(), "the application's connection to its own embedded Temporal");
        factory.newWorker("embedded-echo").registerWorkflowImplementationTypes(EchoImpl.class);
        factory.start();
        String id = "echo-" + UUID.randomUUID();
        Echo echo = TestStack.client(overPort).newWorkflowStub(Echo.class,
            WorkflowOptions.newBuilder().setTaskQueue("embedded-echo").setWorkflowId(id).build());
        assertEquals("hola!", echo.echo("hola"), "started over the port, run by the in-process worker");
        WorkflowExecutionStatus status = connection.stubs().blockingStub().describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder().setNamespace("default")
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id)).build())
            .getWorkflowExecutionInfo().getStatus();
        assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, status);
      } finally {
        factory.shutdownNow();
        overPort.shutdownNow();
        connection.stop();
      }
    }
  }

  @Test
  void givenAnotherTarget_theConnectionShouldUseTheNetwork() {
    TemporalConnection connection = new TemporalConnection(config("localhost:" + TestStack.freePort()));
    try {
      assertFalse(connection.inProcess());
    } finally {
      connection.stop();
    }
  }

  private static TemporalConfig config(String target) {
    TemporalConfig config = new TemporalConfig();
    config.setTarget(target);
    config.getEncryption().setKeys(List.of(new EncryptionConfig.Key("test-1", TestStack.TEST_PAYLOAD_KEY)));
    config.getEncryption().setActiveKeyId("test-1");
    return config;
  }
}
