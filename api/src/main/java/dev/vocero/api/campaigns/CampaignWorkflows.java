package dev.vocero.api.campaigns;

import dev.vocero.api.errors.ApiException;
import dev.vocero.api.errors.TemporalErrors;
import dev.vocero.workflows.campaigns.AddBatch;
import dev.vocero.workflows.campaigns.CampaignIds;
import dev.vocero.workflows.campaigns.CampaignInput;
import dev.vocero.workflows.campaigns.CampaignProgress;
import dev.vocero.workflows.campaigns.CampaignState;
import dev.vocero.workflows.campaigns.CampaignWave;
import dev.vocero.workflows.campaigns.CampaignWorkflow;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
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

/** The API's door to campaign workflows: start, pause, resume, add a batch, cancel, progress. */
public class CampaignWorkflows {
  private final WorkflowClient client;

  public CampaignWorkflows(WorkflowClient client) {
    this.client = client;
  }

  public void start(CampaignInput input) {
    CampaignWorkflow workflow = client.newWorkflowStub(CampaignWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(CampaignIds.campaignWorkflowId(input.campaignId()))
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, input.orgId().toString())
            .set(VoceroSearchAttributes.KIND, CampaignIds.CAMPAIGN_KIND)
            .set(VoceroSearchAttributes.CAMPAIGN_ID, input.campaignId().toString())
            .set(VoceroSearchAttributes.STATUS, CampaignState.SCHEDULED.wire())
            .build())
        .build());
    call(() -> WorkflowClient.start(workflow::run, input));
  }

  public CampaignProgress pause(UUID campaignId) {
    return update(campaignId, CampaignWorkflow::pause);
  }

  public CampaignProgress resume(UUID campaignId) {
    return update(campaignId, CampaignWorkflow::resume);
  }

  public CampaignProgress addBatch(UUID campaignId, AddBatch batch) {
    return update(campaignId, w -> w.addBatch(batch));
  }

  public CampaignProgress addWave(UUID campaignId, CampaignWave wave) {
    return update(campaignId, w -> w.addWave(wave));
  }

  public void cancel(UUID campaignId, String reason) {
    call(() -> {
      stub(campaignId).cancel(reason);
      return null;
    });
  }

  /** The live progress, or null when the workflow cannot answer (ended, or Temporal unreachable). */
  public CampaignProgress progress(UUID campaignId) {
    try {
      return stub(campaignId).progress();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private CampaignProgress update(UUID campaignId, Function<CampaignWorkflow, CampaignProgress> update) {
    try {
      return call(() -> update.apply(stub(campaignId)));
    } catch (WorkflowUpdateException e) {
      throw ApiException.conflict("campaign_state", "The campaign cannot do that now: " + TemporalErrors.rootMessage(e));
    }
  }

  private CampaignWorkflow stub(UUID campaignId) {
    return client.newWorkflowStub(CampaignWorkflow.class, CampaignIds.campaignWorkflowId(campaignId));
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (WorkflowNotFoundException e) {
      throw ApiException.conflict("campaign_finished", "The campaign has already ended.");
    } catch (WorkflowUpdateException e) {
      throw e;
    } catch (WorkflowServiceException | StatusRuntimeException e) {
      throw TemporalErrors.unavailable("The workflow engine (Temporal) is not reachable right now. Try again shortly.");
    }
  }
}
