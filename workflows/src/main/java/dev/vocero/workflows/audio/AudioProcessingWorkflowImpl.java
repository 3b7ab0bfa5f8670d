package dev.vocero.workflows.audio;

import dev.vocero.workflows.alerts.AlertActivities;
import dev.vocero.workflows.alerts.AlertActivityOptions;
import dev.vocero.workflows.alerts.AlertRequest;
import dev.vocero.workflows.alerts.AlertResult;
import dev.vocero.workflows.alerts.DeliveryRequest;
import dev.vocero.workflows.alerts.WebhookDeliveryWorkflow;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * Runs passes (transcribe, find opportunities, extract fields, raise alerts) until one ends in a terminal status. A reprocess
 * restarts the pass once it has read its inputs; before that the running pass simply adopts it.
 */
public final class AudioProcessingWorkflowImpl implements AudioProcessingWorkflow {

  private static final Logger log = Workflow.getLogger(AudioProcessingWorkflowImpl.class);
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  /** Opportunities, the extraction plan and the alert rules run as local activities (docs/workflow-versions.md). */
  static final String LOCAL_DATABASE_STEPS = "audio-local-database-steps";

  private final AudioActivities speech =
      Workflow.newActivityStub(AudioActivities.class, AudioActivityOptions.transcribe());
  private final AudioActivities localMirror =
      Workflow.newLocalActivityStub(AudioActivities.class, AudioActivityOptions.recordStatusLocally());
  private final AudioActivities analysis =
      Workflow.newActivityStub(AudioActivities.class, AudioActivityOptions.findOpportunities());
  private final ExtractionActivities extractionRecords =
      Workflow.newActivityStub(ExtractionActivities.class, AudioActivityOptions.extractionRecords());
  private final ExtractionActivities extraction =
      Workflow.newActivityStub(ExtractionActivities.class, AudioActivityOptions.extract());
  private final AlertActivities alerts =
      Workflow.newActivityStub(AlertActivities.class, AlertActivityOptions.raiseAlerts());
  private final AudioActivities localAnalysis = Workflow.newLocalActivityStub(
      AudioActivities.class, AudioActivityOptions.locally(AudioActivityOptions.findOpportunities()));
  private final ExtractionActivities localExtractionRecords = Workflow.newLocalActivityStub(
      ExtractionActivities.class, AudioActivityOptions.locally(AudioActivityOptions.extractionRecords()));
  private final AlertActivities localAlerts = Workflow.newLocalActivityStub(
      AlertActivities.class, AudioActivityOptions.locally(AlertActivityOptions.raiseAlerts()));

  private final UUID orgId;
  private final UUID audioId;
  private String language;
  private AudioStatus status = AudioStatus.QUEUED;
  private String failureReason;
  private int pass = 1;
  private int generation;
  private int passGeneration;
  private boolean inputsRead;
  private boolean cancelled;
  private String cancelReason;
  private CancellationScope stepScope;
  private int segments;
  private int opportunities;
  private boolean localDatabaseSteps;

  @WorkflowInit
  public AudioProcessingWorkflowImpl(AudioProcessingInput input) {
    this.orgId = input.orgId();
    this.audioId = input.audioId();
    this.language = input.language();
  }

  @Override
  public AudioProcessingResult process(AudioProcessingInput input) {
    localDatabaseSteps = Workflow.getVersion(LOCAL_DATABASE_STEPS, Workflow.DEFAULT_VERSION, 1) == 1;
    try {
      runPasses();
    } catch (CanceledFailure e) {
      changeStatus(AudioStatus.CANCELLED, "workflow cancelled");
      throw e;
    }
    return new AudioProcessingResult(status, segments, opportunities, failureReason);
  }

  @Override
  public AudioProgress progress() {
    return new AudioProgress(status, pass, failureReason);
  }

  @Override
  public void validateReprocess(ReprocessRequest request) {
    if (cancelled) {
      throw new IllegalStateException("audio processing was cancelled; it cannot be reprocessed");
    }
    if (request == null) {
      throw new IllegalArgumentException("a reprocess request is required");
    }
    String requested = request.language();
    if (requested != null && !LANGUAGE.matcher(requested).matches()) {
      throw new IllegalArgumentException("language must be 2 or 3 lowercase letters (ISO 639), e.g. \"es\"");
    }
  }

  @Override
  public int reprocess(ReprocessRequest request) {
    if (request.language() != null) {
      language = request.language();
    }
    generation++;
    if (!inputsRead) {
      return pass;
    }
    if (stepScope != null) {
      stepScope.cancel("reprocess requested");
    }
    return pass + 1;
  }

  @Override
  public void cancel(String reason) {
    if (cancelled) {
      return;
    }
    cancelled = true;
    cancelReason = reason == null || reason.isBlank() ? "cancelled" : reason;
    if (stepScope != null) {
      stepScope.cancel(cancelReason);
    }
  }

  private void runPasses() {
    PassEnd end;
    do {
      end = runPass();
      if (end != PassEnd.RESTART) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        end = reprocessAfterEnd(end);
      }
      if (end == PassEnd.RESTART) {
        pass++;
      }
    } while (end == PassEnd.RESTART);
  }

  /** A reprocess accepted while the pass was finishing still gets its pass, unless a cancel came too. */
  private PassEnd reprocessAfterEnd(PassEnd end) {
    if (end == PassEnd.CANCELLED || generation == passGeneration) {
      return end;
    }
    return cancelled ? cancelPass() : PassEnd.RESTART;
  }

  private PassEnd runPass() {
    inputsRead = false;
    segments = 0;
    opportunities = 0;
    if (cancelled) {
      return cancelPass();
    }
    changeStatus(AudioStatus.TRANSCRIBING, null);
    if (cancelled) {
      return cancelPass();
    }
    log.info("Audio {} pass {} started", audioId, pass);
    passGeneration = generation;
    inputsRead = true;
    return transcribeAndAnalyze(new TranscriptionRequest(orgId, audioId, language));
  }

  private PassEnd transcribeAndAnalyze(TranscriptionRequest request) {
    Step<TranscriptionResult> transcript = runStep(() -> speech.transcribe(request));
    if (transcript.end() != null) {
      return transcript.end();
    }
    segments = transcript.value().segments();
    changeStatus(AudioStatus.ANALYZING, null);
    PassEnd stop = stopIfInterrupted();
    if (stop != null) {
      return stop;
    }
    OpportunityRequest opportunityRequest = new OpportunityRequest(orgId, audioId);
    Step<OpportunityResult> found = runStep(() -> analysis().findOpportunities(opportunityRequest));
    if (found.end() != null) {
      return found.end();
    }
    opportunities = found.value().opportunities();
    PassEnd extracted = extractFields();
    if (extracted != null) {
      return extracted;
    }
    PassEnd alertsEnd = raiseAlerts(); // after extraction: sentiment rules read its score
    if (alertsEnd != null) {
      return alertsEnd;
    }
    changeStatus(AudioStatus.COMPLETED, null);
    return PassEnd.COMPLETED;
  }

  /** Evaluates the alert rules, then hands each pending delivery to its own workflow. */
  private PassEnd raiseAlerts() {
    AlertRequest request = new AlertRequest(orgId, audioId);
    Step<AlertResult> raised = runStep(() -> alerts().raiseAlerts(request));
    if (raised.end() != null) {
      return raised.end();
    }
    startDeliveries(raised.value());
    return null;
  }

  private void startDeliveries(AlertResult raised) {
    List<Promise<WorkflowExecution>> started = new ArrayList<>();
    for (UUID deliveryId : raised.pendingDeliveries()) {
      WebhookDeliveryWorkflow delivery = Workflow.newChildWorkflowStub(
          WebhookDeliveryWorkflow.class, AlertActivityOptions.delivery(orgId, deliveryId));
      Async.function(delivery::deliver, new DeliveryRequest(orgId, deliveryId));
      started.add(Workflow.getWorkflowExecution(delivery));
    }
    for (Promise<WorkflowExecution> start : started) {
      try {
        start.get();
      } catch (ChildWorkflowFailure e) {
        // Already running from an earlier pass: that workflow delivers it.
        log.info("Audio {}: delivery {} already in progress", audioId, e.getExecution().getWorkflowId());
      }
    }
    if (raised.raised() > 0) {
      log.info("Audio {} pass {}: {} alerts raised, {} deliveries started", audioId, pass, raised.raised(), started.size());
    }
  }

  /** The organization's extractors run in parallel; a failed one is recorded, not fatal. */
  private PassEnd extractFields() {
    ExtractionPlanRequest planRequest = new ExtractionPlanRequest(orgId, audioId);
    Step<ExtractionPlan> plan = runStep(() -> extractionRecords().planExtractions(planRequest));
    if (plan.end() != null) {
      return plan.end();
    }
    List<ExtractorRef> extractors = plan.value().extractors();
    if (extractors.isEmpty()) {
      return null;
    }
    return runStep(() -> runExtractors(extractors)).end();
  }

  private int runExtractors(List<ExtractorRef> extractors) {
    List<Promise<Void>> runs = new ArrayList<>(extractors.size());
    for (ExtractorRef extractor : extractors) {
      runs.add(Async.procedure(this::runExtractor, extractor));
    }
    Promise.allOf(runs).get();
    return extractors.size();
  }

  private void runExtractor(ExtractorRef extractor) {
    try {
      extraction.extract(new ExtractionRequest(orgId, audioId, extractor.name(), extractor.version()));
    } catch (ActivityFailure e) {
      if (CancellationScope.current().isCancelRequested()) {
        throw e;
      }
      log.warn("Audio {} extractor {} v{} failed for good", audioId, extractor.name(), extractor.version());
      extractionRecords.recordExtractionFailure(new ExtractionFailure(orgId, audioId, extractor.name(),
          extractor.version(), reason(e)));
    }
  }

  private AudioActivities analysis() {
    return localDatabaseSteps ? localAnalysis : analysis;
  }

  private ExtractionActivities extractionRecords() {
    return localDatabaseSteps ? localExtractionRecords : extractionRecords;
  }

  private AlertActivities alerts() {
    return localDatabaseSteps ? localAlerts : alerts;
  }

  /** Runs one activity in a scope that a reprocess or a cancel signal can cancel. */
  private <T> Step<T> runStep(Functions.Func<T> activity) {
    List<T> result = new ArrayList<>(1);
    CancellationScope scope = Workflow.newCancellationScope(() -> {
      result.add(activity.apply());
    });
    stepScope = scope;
    try {
      scope.run();
    } catch (ActivityFailure | CanceledFailure e) {
      if (CancellationScope.current().isCancelRequested()) {
        throw asCanceled(e);
      }
      if (!scope.isCancelRequested()) {
        return Step.ended(fail(e));
      }
    } finally {
      stepScope = null;
    }
    PassEnd stop = stopIfInterrupted();
    return stop != null ? Step.ended(stop) : Step.of(result.get(0));
  }

  private PassEnd stopIfInterrupted() {
    if (cancelled) {
      return cancelPass();
    }
    return generation != passGeneration ? PassEnd.RESTART : null;
  }

  private PassEnd cancelPass() {
    log.info("Audio {} cancelled in pass {}", audioId, pass);
    changeStatus(AudioStatus.CANCELLED, cancelReason);
    return PassEnd.CANCELLED;
  }

  private PassEnd fail(TemporalFailure failure) {
    Throwable cause = failure.getCause();
    String type = cause instanceof ApplicationFailure app ? app.getType() : failure.getClass().getSimpleName();
    log.warn("Audio {} pass {} failed: {}", audioId, pass, type);
    changeStatus(AudioStatus.FAILED, reason(failure));
    return PassEnd.FAILED;
  }

  private static String reason(TemporalFailure failure) {
    Throwable cause = failure.getCause();
    return cause instanceof TemporalFailure temporal ? temporal.getOriginalMessage() : failure.getOriginalMessage();
  }

  /** Status writes run detached: a Temporal cancel must never leave the PostgreSQL mirror behind. */
  private void changeStatus(AudioStatus next, String reason) {
    if (next == status && Objects.equals(reason, failureReason)) {
      return;
    }
    status = next;
    failureReason = reason;
    Workflow.upsertTypedSearchAttributes(VoceroSearchAttributes.STATUS.valueSet(next.wire()));
    AudioStatusChange change = new AudioStatusChange(orgId, audioId, next, reason);
    Workflow.newDetachedCancellationScope(() -> localMirror.recordStatus(change)).run();
  }

  private static CanceledFailure asCanceled(TemporalFailure failure) {
    if (failure instanceof CanceledFailure canceled) {
      return canceled;
    }
    return failure.getCause() instanceof CanceledFailure canceled
        ? canceled
        : new CanceledFailure("workflow cancelled");
  }

  private enum PassEnd { COMPLETED, FAILED, CANCELLED, RESTART }

  /** What one step produced, or how the pass ended early. */
  private record Step<T>(T value, PassEnd end) {
    static <T> Step<T> of(T value) {
      return new Step<>(value, null);
    }

    static <T> Step<T> ended(PassEnd end) {
      return new Step<>(null, end);
    }
  }
}
