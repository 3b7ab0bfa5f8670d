package dev.vocero.workflows.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.BatchStatus;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.messaging.MessageWaveWorkflow;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.WaveProgress;
import dev.vocero.workflows.messaging.WaveStatus;
import io.grpc.Status;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;

/**
 * The campaign's control activities against a wave or batch caught between runs (found by
 * {@code CampaignSimulationBenchmark}): they fail retryably, within their bound, instead of reporting the member closed
 * or blocking the activity (on the time-skipping server a blocked activity stops time for every workflow).
 */
class CampaignControlCallsTest {
  private static final Duration BOUND = Duration.ofMillis(300);
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Answer<Object> NEVER = invocation -> {
    Thread.sleep(60_000);
    return null;
  };

  private final WorkflowClient client = mock(WorkflowClient.class);
  private final UUID waveId = UUID.randomUUID();
  private final UUID batchId = UUID.randomUUID();
  private final String waveWorkflowId = MessagingIds.waveWorkflowId(waveId);
  private final String batchWorkflowId = CallIds.batchWorkflowId(batchId);
  private final CampaignWaveControl waves = new CampaignWaveControl(client, BOUND);
  private final CampaignBatchControl batches = new CampaignBatchControl(client, BOUND);

  @Test
  void givenAWaveRunThatHasJustContinuedAsNew_whenItsProgressIsRead_itShouldFailRetryablyInsteadOfReportingItClosed() {
    current(waveWorkflowId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> waves.waveProgress(waveId));

    assertEquals(ControlCalls.IN_TRANSITION, failure.getType());
  }

  @Test
  void givenABatchRunThatHasJustContinuedAsNew_whenItsProgressIsRead_itShouldFailRetryablyInsteadOfReportingItClosed() {
    current(batchWorkflowId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> batches.batchProgress(batchId));

    assertEquals(ControlCalls.IN_TRANSITION, failure.getType());
  }

  @Test
  void givenAPauseThatNeverAnswers_whenAWaveIsHeld_itShouldFailRetryablyWithinItsBound() {
    WorkflowStub stub = current(waveWorkflowId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    when(stub.update("snapshot", WaveProgress.class)).thenReturn(runningWave());
    when(stub.update("pause", WaveProgress.class)).thenAnswer(NEVER);
    MessageWaveWorkflow typed = mock(MessageWaveWorkflow.class);
    when(client.newWorkflowStub(MessageWaveWorkflow.class, waveWorkflowId)).thenReturn(typed);
    when(typed.snapshot()).thenReturn(runningWave());
    when(typed.pause()).thenAnswer(NEVER);

    ApplicationFailure failure = assertTimeoutPreemptively(PATIENCE,
        () -> assertThrows(ApplicationFailure.class, () -> waves.holdWave(waveId)));

    assertEquals(ControlCalls.TIMEOUT, failure.getType());
  }

  @Test
  void givenAResumeThatNeverAnswers_whenABatchIsReleased_itShouldFailRetryablyWithinItsBound() {
    WorkflowStub stub = current(batchWorkflowId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    when(stub.update("snapshot", BatchProgress.class)).thenReturn(pausedBatch());
    when(stub.update("resume", BatchProgress.class)).thenAnswer(NEVER);
    CallBatchWorkflow typed = mock(CallBatchWorkflow.class);
    when(client.newWorkflowStub(CallBatchWorkflow.class, batchWorkflowId)).thenReturn(typed);
    when(typed.snapshot()).thenReturn(pausedBatch());
    when(typed.resume()).thenAnswer(NEVER);

    ApplicationFailure failure = assertTimeoutPreemptively(PATIENCE,
        () -> assertThrows(ApplicationFailure.class, () -> batches.releaseBatch(batchId)));

    assertEquals(ControlCalls.TIMEOUT, failure.getType());
  }

  @Test
  void givenACompletedWaveWhoseResultIsNotReadable_whenItsProgressIsRead_itShouldFailRetryablyWithinItsBound()
      throws Exception {
    WorkflowStub latest = current(waveWorkflowId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    when(latest.getResult(WaveProgress.class)).thenAnswer(NEVER);
    WorkflowStub pinned = mock(WorkflowStub.class);
    when(client.newUntypedWorkflowStub(waveWorkflowId, Optional.of("run-2"), Optional.empty())).thenReturn(pinned);
    when(pinned.getResult(anyLong(), any(TimeUnit.class), eq(WaveProgress.class))).thenThrow(new TimeoutException());

    ApplicationFailure failure = assertTimeoutPreemptively(PATIENCE,
        () -> assertThrows(ApplicationFailure.class, () -> waves.waveProgress(waveId)));

    assertEquals(ControlCalls.TIMEOUT, failure.getType());
  }

  @Test
  void givenAPauseThatReachedARunAsItContinuedAsNew_whenAWaveIsHeld_itShouldAskToBeTriedAgainOnTheCurrentRun() {
    WorkflowStub stub = current(waveWorkflowId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    when(stub.update("snapshot", WaveProgress.class)).thenReturn(runningWave());
    io.grpc.StatusRuntimeException completed =
        Status.NOT_FOUND.withDescription("workflow execution already completed").asRuntimeException();
    when(stub.update("pause", WaveProgress.class)).thenThrow(completed);
    MessageWaveWorkflow typed = mock(MessageWaveWorkflow.class);
    when(client.newWorkflowStub(MessageWaveWorkflow.class, waveWorkflowId)).thenReturn(typed);
    when(typed.snapshot()).thenReturn(runningWave());
    when(typed.pause()).thenThrow(completed);

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> waves.holdWave(waveId));

    assertEquals("WaveChangeRetry", failure.getType());
  }

  @Test
  void givenASnapshotThatReachedARunAsItContinuedAsNew_whenABatchsProgressIsRead_itShouldAskToBeTriedAgain() {
    WorkflowStub stub = current(batchWorkflowId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    when(stub.update("snapshot", BatchProgress.class)).thenThrow(
        Status.NOT_FOUND.withDescription("workflow execution already completed").asRuntimeException());

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> batches.batchProgress(batchId));

    assertEquals(ControlCalls.IN_TRANSITION, failure.getType());
  }

  private WorkflowStub current(String workflowId, WorkflowExecutionStatus status) {
    WorkflowStub stub = mock(WorkflowStub.class);
    when(client.newUntypedWorkflowStub(workflowId)).thenReturn(stub);
    when(stub.describe()).thenReturn(new WorkflowExecutionDescription(DescribeWorkflowExecutionResponse.newBuilder()
        .setWorkflowExecutionInfo(WorkflowExecutionInfo.newBuilder()
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId("run-2"))
            .setType(WorkflowType.newBuilder().setName("Member"))
            .setStatus(status))
        .build(), DefaultDataConverter.newDefaultInstance()));
    return stub;
  }

  private static WaveProgress runningWave() {
    return new WaveProgress(WaveStatus.RUNNING, 200, 0, 0, 200, 30, null);
  }

  private static BatchProgress pausedBatch() {
    return new BatchProgress(BatchStatus.PAUSED, 500, 480, 0, true, 1, 10);
  }
}
