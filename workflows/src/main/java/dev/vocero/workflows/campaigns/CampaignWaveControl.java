package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.campaigns.CampaignWaveActivities.WaveStart;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import dev.vocero.workflows.messaging.MessageWaveWorkflow;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.WaveInput;
import dev.vocero.workflows.messaging.WaveProgress;
import dev.vocero.workflows.messaging.WaveStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import java.util.function.Function;

/**
 * The wave counterpart of {@link CampaignBatchControl}: reads the progress before changing anything so a
 * retried activity does not fail on "already paused"; a closed wave is read from its result. An update that reached a
 * run just as it continued as new fails the activity, which Temporal retries on the new run, rather than reporting a
 * wave held that still runs.
 */
public final class CampaignWaveControl {
  private final WorkflowClient temporal;

  public CampaignWaveControl(WorkflowClient temporal) {
    this.temporal = temporal;
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
    return change(waveId, true, MessageWaveWorkflow::pause);
  }

  public WaveProgress releaseWave(UUID waveId) {
    return change(waveId, false, MessageWaveWorkflow::resume);
  }

  public WaveProgress waveProgress(UUID waveId) {
    String workflowId = MessagingIds.waveWorkflowId(waveId);
    try {
      WorkflowExecutionStatus status = temporal.newUntypedWorkflowStub(workflowId).describe().getStatus();
      if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return stub(waveId).progress();
      }
      if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
        return temporal.newUntypedWorkflowStub(workflowId).getResult(WaveProgress.class);
      }
      return new WaveProgress(WaveStatus.CANCELLED, 0, 0, 0, 0, 1, null); // terminated or failed: closed for good
    } catch (WorkflowNotFoundException e) {
      return null;
    }
  }

  private WaveProgress change(UUID waveId, boolean pause, Function<MessageWaveWorkflow, WaveProgress> update) {
    WaveProgress now = waveProgress(waveId);
    if (now == null || !open(now) || (now.status() == WaveStatus.PAUSED) == pause) {
      return now;
    }
    try {
      return update.apply(stub(waveId));
    } catch (WorkflowUpdateException | WorkflowNotFoundException e) {
      WaveProgress after = waveProgress(waveId);
      if (after != null && open(after) && (after.status() == WaveStatus.PAUSED) != pause) {
        // the run it reached continued as new (or the update raced a change): try again on the current run
        throw ApplicationFailure.newFailure("wave " + waveId + " did not take the " + (pause ? "pause" : "resume")
            + "; trying again", "WaveChangeRetry");
      }
      return after;
    }
  }

  private static boolean open(WaveProgress progress) {
    return progress.status() == WaveStatus.RUNNING || progress.status() == WaveStatus.PAUSED;
  }

  private MessageWaveWorkflow stub(UUID waveId) {
    return temporal.newWorkflowStub(MessageWaveWorkflow.class, MessagingIds.waveWorkflowId(waveId));
  }
}
