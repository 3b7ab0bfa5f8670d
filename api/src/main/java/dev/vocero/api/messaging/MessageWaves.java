package dev.vocero.api.messaging;

import dev.vocero.api.errors.ApiException;
import dev.vocero.api.errors.TemporalErrors;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import dev.vocero.workflows.messaging.MessageWaveWorkflow;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.WaveInput;
import dev.vocero.workflows.messaging.WaveProgress;
import dev.vocero.workflows.messaging.WaveStatus;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/** The API's door to message-wave workflows: start, pause, resume, cancel. */
public class MessageWaves {
  private final WorkflowClient client;

  public MessageWaves(WorkflowClient client) {
    this.client = client;
  }

  public void start(UUID orgId, UUID waveId, int perMinute) {
    MessageWaveWorkflow workflow = client.newWorkflowStub(MessageWaveWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(MessagingIds.waveWorkflowId(waveId))
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, orgId.toString())
            .set(VoceroSearchAttributes.KIND, MessagingIds.WAVE_KIND)
            .set(VoceroSearchAttributes.STATUS, WaveStatus.RUNNING.wire())
            .build())
        .build());
    call(() -> WorkflowClient.start(workflow::run, WaveInput.first(orgId, waveId, perMinute)));
  }

  public WaveProgress pause(UUID waveId) {
    return update(waveId, MessageWaveWorkflow::pause);
  }

  public WaveProgress resume(UUID waveId) {
    return update(waveId, MessageWaveWorkflow::resume);
  }

  public void cancel(UUID waveId, String reason) {
    call(() -> {
      stub(waveId).cancel(reason);
      return null;
    });
  }

  private WaveProgress update(UUID waveId, Function<MessageWaveWorkflow, WaveProgress> update) {
    try {
      return call(() -> update.apply(stub(waveId)));
    } catch (WorkflowUpdateException e) {
      throw ApiException.conflict("wave_state", "The wave cannot do that now: " + TemporalErrors.rootMessage(e));
    }
  }

  private MessageWaveWorkflow stub(UUID waveId) {
    return client.newWorkflowStub(MessageWaveWorkflow.class, MessagingIds.waveWorkflowId(waveId));
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (WorkflowNotFoundException e) {
      throw ApiException.conflict("wave_finished", "The wave has already finished.");
    } catch (WorkflowUpdateException e) {
      throw e;
    } catch (WorkflowServiceException | StatusRuntimeException e) {
      throw TemporalErrors.unavailable("The workflow engine (Temporal) is not reachable right now. Try again shortly.");
    }
  }
}
