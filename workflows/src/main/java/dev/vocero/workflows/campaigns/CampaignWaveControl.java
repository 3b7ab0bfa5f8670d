package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.campaigns.CampaignWaveActivities.WaveStart;
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
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.UUID;

/**
 * The wave counterpart of {@link CampaignBatchControl}: reads the progress before changing anything so a
 * retried activity does not fail on "already paused"; a closed wave is read from its result. An update that reached a
 * run just as it continued as new fails the activity, which Temporal retries on the new run, rather than reporting a
 * wave held that still runs. Every call is bounded ({@link ControlCalls}).
 */
public final class CampaignWaveControl {
  private final WorkflowClient temporal;
  private final ControlCalls calls;

  public CampaignWaveControl(WorkflowClient temporal) {
    this(temporal, ControlCalls.DEFAULT_BOUND);
  }

  CampaignWaveControl(WorkflowClient temporal, Duration bound) {
    this.temporal = temporal;
    this.calls = new ControlCalls(temporal, bound);
  }

  public WaveProgress startWave(WaveStart start) {
    MessageWaveWorkflow wave = temporal.newWorkflowStub(MessageWaveWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(MessagingIds.waveWorkflowId(start.waveId()))
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, start.orgId().toString())
            .set(VoceroSearchAttributes.KIND, MessagingIds.WAVE_KIND)
            .set(VoceroSearchAttributes.CAMPAIGN_ID, start.campaignId().toString())
            .set(VoceroSearchAttributes.STATUS, WaveStatus.RUNNING.wire())
            .build())
        .build());
    try {
      WorkflowClient.start(wave::run, WaveInput.first(start.orgId(), start.waveId(), start.perMinute()));
      return WaveProgress.start(start.perMinute());
    } catch (WorkflowExecutionAlreadyStarted e) {
      return waveProgress(start.waveId());
    }
  }

  public WaveProgress holdWave(UUID waveId) {
    return change(waveId, true, "pause");
  }

  public WaveProgress releaseWave(UUID waveId) {
    return change(waveId, false, "resume");
  }

  public WaveProgress waveProgress(UUID waveId) {
    String workflowId = MessagingIds.waveWorkflowId(waveId);
    ControlCalls.Run run = calls.current(workflowId);
    if (run == null) {
      return null;
    }
    if (run.running()) {
      return calls.snapshot(workflowId, WaveProgress.class);
    }
    if (run.completed()) {
      return calls.result(workflowId, run, WaveProgress.class);
    }
    if (run.continuedAsNew()) {
      throw ControlCalls.inTransition(workflowId);
    }
    return new WaveProgress(WaveStatus.CANCELLED, 0, 0, 0, 0, 1, null); // terminated or failed: closed for good
  }

  private WaveProgress change(UUID waveId, boolean pause, String update) {
    WaveProgress now = waveProgress(waveId);
    if (now == null || !open(now) || (now.status() == WaveStatus.PAUSED) == pause) {
      return now;
    }
    try {
      return calls.update(MessagingIds.waveWorkflowId(waveId), update, WaveProgress.class);
    } catch (WorkflowUpdateException | WorkflowNotFoundException | WorkflowServiceException | StatusRuntimeException e) {
      // a refusal, or "workflow execution already completed": the run it reached continued as new; read again
      WaveProgress after = waveProgress(waveId);
      if (after != null && open(after) && (after.status() == WaveStatus.PAUSED) != pause) {
        throw ApplicationFailure.newFailure("wave " + waveId + " did not take the " + update + "; trying again",
            "WaveChangeRetry");
      }
      return after;
    }
  }

  private static boolean open(WaveProgress progress) {
    return progress.status() == WaveStatus.RUNNING || progress.status() == WaveStatus.PAUSED;
  }
}
