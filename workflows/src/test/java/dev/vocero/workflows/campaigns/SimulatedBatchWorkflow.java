package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchStatus;
import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.CallBatchInput;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.ContactOutcome;
import dev.vocero.workflows.calls.PaceChange;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A batch with the real batch's contract (progress, pause/resume with validators, cancel) whose per-contact work is
 * one counted start every 1/callsPerSecond seconds, in groups of {@code chunk} contacts per timer.
 */
public class SimulatedBatchWorkflow implements CallBatchWorkflow {
  /** Contacts per batch, set by the test before the campaign runs. */
  static final Map<UUID, Integer> SIZES = new ConcurrentHashMap<>();
  static final List<Start> STARTS = new CopyOnWriteArrayList<>();
  static volatile int chunk = 1;
  static volatile boolean recordEachStart = true;
  /** The batch runs out of credit once it has started this many contacts (pauses itself, as the real one, in words). */
  static final Map<UUID, Integer> CREDIT_FOR = new ConcurrentHashMap<>();

  /** Batches that tell their campaign when they end, as the real batch's status activity does. */
  static final Map<UUID, UUID> CAMPAIGN_OF = new ConcurrentHashMap<>();
  /** When each batch ended, in workflow time. */
  static final Map<UUID, Long> ENDED_AT = new ConcurrentHashMap<>();

  record Start(UUID batchId, long atMillis, int count) {}

  private final UUID batchId;
  private final int size;
  private final double callsPerSecond;
  private int started;
  private boolean paused;
  private boolean cancelled;
  private BatchStatus status = BatchStatus.RUNNING;
  private String pauseReason;
  private final int creditFor;
  private boolean creditSpent;

  @WorkflowInit
  public SimulatedBatchWorkflow(CallBatchInput input) {
    batchId = input.batchId();
    size = SIZES.getOrDefault(input.batchId(), 0);
    callsPerSecond = input.settings().callsPerSecond();
    paused = input.paused();
    creditFor = CREDIT_FOR.getOrDefault(input.batchId(), Integer.MAX_VALUE);
  }

  @Override
  public BatchProgress run(CallBatchInput input) {
    int step = Math.max(1, chunk);
    while (started < size) {
      Workflow.await(() -> !paused || cancelled);
      if (cancelled) {
        break;
      }
      if (started >= creditFor && pauseReason == null && !creditSpent) {
        creditSpent = true; // like ContactCallWorkflow's no_credit report: the batch pauses itself
        paused = true;
        status = BatchStatus.PAUSED;
        // the words the real batch pauses with (CallCreditActivitiesImpl), not the campaign's no_credit
        pauseReason = "no credit: 0 credits available, 2 needed to hold 2 call-minutes; top up and resume the batch";
        continue;
      }
      int count = Math.min(step, size - started);
      started += count;
      if (recordEachStart && !Workflow.isReplaying()) {
        STARTS.add(new Start(batchId, Workflow.currentTimeMillis(), count));
      }
      Workflow.sleep(Duration.ofMillis((long) Math.ceil(1000.0 * count / callsPerSecond)));
    }
    status = cancelled ? BatchStatus.CANCELLED : BatchStatus.COMPLETED;
    if (!Workflow.isReplaying()) {
      ENDED_AT.put(batchId, Workflow.currentTimeMillis());
    }
    UUID campaign = CAMPAIGN_OF.get(batchId);
    if (campaign != null) {
      Workflow.newExternalWorkflowStub(CampaignWorkflow.class, CampaignIds.campaignWorkflowId(campaign)).memberEnded();
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    return progress();
  }

  @Override
  public BatchProgress snapshot() {
    return progress();
  }

  @Override
  public BatchProgress progress() {
    return new BatchProgress(status, started, started, 0, paused, callsPerSecond, 1, pauseReason);
  }

  @Override
  public BatchProgress pause() {
    paused = true;
    status = BatchStatus.PAUSED;
    return progress();
  }

  @Override
  public void validatePause() {
    if (paused || status != BatchStatus.RUNNING) {
      throw new IllegalStateException("the batch is already paused");
    }
  }

  @Override
  public BatchProgress resume() {
    paused = false;
    pauseReason = null;
    status = BatchStatus.RUNNING;
    return progress();
  }

  @Override
  public void validateResume() {
    if (!paused || cancelled) {
      throw new IllegalStateException("the batch is not paused");
    }
  }

  @Override
  public BatchProgress setPace(PaceChange change) {
    return progress();
  }

  @Override
  public void validateSetPace(PaceChange change) {}

  @Override
  public void cancel(String reason) {
    cancelled = true;
  }

  @Override
  public void creditExhausted(String reason) {}

  @Override
  public void contactFinished(ContactOutcome outcome) {}
}
