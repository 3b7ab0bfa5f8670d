package dev.vocero.workflows.campaigns;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Batches over days: runs them inside each active day's window, holds them outside it, stops new calls at the daily
 * quota, rolls each day up into PostgreSQL and continues-as-new after every day.
 */
@WorkflowInterface
public interface CampaignWorkflow {

  @WorkflowMethod(name = "Campaign")
  CampaignProgress run(CampaignInput input);

  @QueryMethod(name = "progress")
  CampaignProgress progress();

  @UpdateMethod(name = "pause")
  CampaignProgress pause();

  @UpdateValidatorMethod(updateName = "pause")
  void validatePause();

  @UpdateMethod(name = "resume")
  CampaignProgress resume();

  @UpdateValidatorMethod(updateName = "resume")
  void validateResume();

  @UpdateMethod(name = "addBatch")
  CampaignProgress addBatch(AddBatch batch);

  @UpdateValidatorMethod(updateName = "addBatch")
  void validateAddBatch(AddBatch batch);

  /** Adds a message wave (checked and stored held by the API); it runs from the next reconcile, like the others. */
  @UpdateMethod(name = "addWave")
  CampaignProgress addWave(CampaignWave wave);

  @UpdateValidatorMethod(updateName = "addWave")
  void validateAddWave(CampaignWave wave);

  @SignalMethod(name = "cancel")
  void cancel(String reason);

  /**
   * One of the campaign's batches or waves ended (sent by the activity that records its end): the campaign reads its
   * members now instead of at its next poll (up to ten minutes away), so a wave for the calls' outcomes starts as soon
   * as its batch has ended. Best effort; the poll stays the fallback.
   */
  @SignalMethod(name = "memberEnded")
  void memberEnded();
}
