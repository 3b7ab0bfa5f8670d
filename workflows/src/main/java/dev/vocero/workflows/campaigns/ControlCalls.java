package dev.vocero.workflows.campaigns;

import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The Temporal client calls the campaign's control activities make on batch and wave workflows, each bounded: an
 * activity never waits on another workflow. A call that does not answer in time (an update or query that reached a run
 * as it continued as new, a result still being written) fails the activity retryably, so Temporal tries again on the
 * current run; on the time-skipping test server an activity that blocked would also stop time for every workflow.
 */
final class ControlCalls {
  static final Duration DEFAULT_BOUND = Duration.ofSeconds(10);
  static final String TIMEOUT = "ControlCallTimeout";
  static final String IN_TRANSITION = "ControlRunInTransition";

  private static final ExecutorService CALLS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "campaign-control-call");
    thread.setDaemon(true);
    return thread;
  });

  private final WorkflowClient temporal;
  private final Duration bound;

  ControlCalls(WorkflowClient temporal, Duration bound) {
    this.temporal = temporal;
    this.bound = bound;
  }

  /** The current run's id and status, or null when the workflow does not exist. */
  Run current(String workflowId) {
    try {
      WorkflowExecutionDescription description = call("describe " + workflowId,
          () -> temporal.newUntypedWorkflowStub(workflowId).describe());
      return new Run(description.getExecution().getRunId(), description.getStatus());
    } catch (WorkflowNotFoundException e) {
      return null;
    }
  }

  /**
   * A running member's progress through its {@code snapshot} update, never a query: on Temporal's time-skipping test
   * server a query that reaches a run with a workflow task in flight holds a time lock until it is answered, and a run
   * that continues as new first never answers it, so time stops for every workflow (MemberProgressTimeSkippingTest).
   * An update that meets the closing run is failed by the server; the activity tries again on the next run.
   */
  <R> R snapshot(String workflowId, Class<R> type) {
    try {
      return update(workflowId, "snapshot", type);
    } catch (WorkflowUpdateException | WorkflowNotFoundException | WorkflowServiceException | StatusRuntimeException e) {
      throw inTransition(workflowId);
    }
  }

  <R> R update(String workflowId, String updateName, Class<R> type) {
    return call(updateName + " of " + workflowId, () -> temporal.newUntypedWorkflowStub(workflowId).update(updateName, type));
  }

  /** The result of that run only (not of runs it continued as), waited for at most the bound. */
  <R> R result(String workflowId, Run run, Class<R> type) {
    WorkflowStub stub = temporal.newUntypedWorkflowStub(workflowId, Optional.of(run.runId()), Optional.empty());
    return call("result of " + workflowId, () -> {
      try {
        return stub.getResult(bound.toMillis(), TimeUnit.MILLISECONDS, type);
      } catch (TimeoutException e) {
        throw timedOut("result of " + workflowId);
      }
    });
  }

  /** A run that continued as new is between runs: the activity tries again once the next run is current. */
  static ApplicationFailure inTransition(String workflowId) {
    return ApplicationFailure.newFailure(workflowId + " is continuing as new; trying again", IN_TRANSITION);
  }

  private <R> R call(String what, Supplier<R> call) {
    Future<R> future = CALLS.submit(call::get);
    try {
      return future.get(bound.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timedOut(what);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw timedOut(what);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private ApplicationFailure timedOut(String what) {
    return ApplicationFailure.newFailure(what + " did not answer within " + bound.toSeconds() + " s; trying again",
        TIMEOUT);
  }

  record Run(String runId, WorkflowExecutionStatus status) {
    boolean running() {
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    }

    boolean completed() {
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
    }

    boolean continuedAsNew() {
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW;
    }
  }
}
