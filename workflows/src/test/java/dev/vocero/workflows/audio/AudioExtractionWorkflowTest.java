package dev.vocero.workflows.audio;

import static dev.vocero.workflows.audio.AudioTestSupport.AUDIO;
import static dev.vocero.workflows.audio.AudioTestSupport.INPUT;
import static dev.vocero.workflows.audio.AudioTestSupport.OPPORTUNITIES;
import static dev.vocero.workflows.audio.AudioTestSupport.ORG;
import static dev.vocero.workflows.audio.AudioTestSupport.TRANSCRIPT;
import static dev.vocero.workflows.audio.AudioTestSupport.TWO_EXTRACTORS;
import static dev.vocero.workflows.audio.AudioTestSupport.WORKFLOW_ID;
import static dev.vocero.workflows.audio.AudioTestSupport.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/** The extraction step (behind version "extraction" = 1), with time skipping across activity retries. */
class AudioExtractionWorkflowTest {

  @RegisterExtension
  final TestWorkflowExtension temporal = AudioTestSupport.extension();

  private final AudioActivities activities = AudioTestSupport.mockActivities();
  private final ExtractionActivities extraction = AudioTestSupport.mockExtraction();
  private TestWorkflowEnvironment env;
  private AudioProcessingWorkflow workflow;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, WorkflowOptions options, Worker worker) {
    this.env = env;
    AudioTestSupport.start(env, worker, activities, extraction);
    WorkflowClient client = env.getWorkflowClient();
    workflow = client.newWorkflowStub(
        AudioProcessingWorkflow.class, options.toBuilder().setWorkflowId(WORKFLOW_ID).build());
    when(activities.transcribe(any())).thenReturn(TRANSCRIPT);
    when(activities.findOpportunities(any())).thenReturn(OPPORTUNITIES);
  }

  @Test
  void givenEnabledExtractors_whenProcessed_itShouldRunEachAfterOpportunitiesAndThenComplete() {
    when(extraction.planExtractions(any())).thenReturn(TWO_EXTRACTORS);
    when(extraction.extract(any())).thenAnswer(call -> {
      ExtractionRequest r = call.getArgument(0);
      return new ExtractionOutcome(r.extractor(), r.version(), "ok", "openai");
    });

    assertEquals(AudioStatus.COMPLETED, workflow.process(INPUT).status());

    InOrder order = inOrder(activities, extraction);
    order.verify(activities).findOpportunities(new OpportunityRequest(ORG, AUDIO));
    order.verify(extraction).planExtractions(new ExtractionPlanRequest(ORG, AUDIO));
    verify(extraction).extract(new ExtractionRequest(ORG, AUDIO, "sentiment", 1));
    verify(extraction).extract(new ExtractionRequest(ORG, AUDIO, "payment_promise", 2));
    order.verify(activities).recordStatus(change(AudioStatus.COMPLETED, null));
    verify(extraction, never()).recordExtractionFailure(any());
  }

  @Test
  void givenAnExtractorThatKeepsFailing_whenProcessed_itShouldRetryThenRecordTheFailureAndStillComplete() {
    when(extraction.planExtractions(any())).thenReturn(TWO_EXTRACTORS);
    AtomicInteger promiseAttempts = new AtomicInteger();
    when(extraction.extract(any())).thenAnswer(call -> {
      ExtractionRequest r = call.getArgument(0);
      if (r.extractor().equals("payment_promise")) {
        promiseAttempts.incrementAndGet();
        throw ApplicationFailure.newFailureWithCauseAndDelay("No language model answered (openai: transient).",
            "LanguageModelUnavailable", null, Duration.ofSeconds(30));
      }
      return new ExtractionOutcome(r.extractor(), r.version(), "ok", "openai");
    });
    long started = env.currentTimeMillis();

    assertEquals(AudioStatus.COMPLETED, workflow.process(INPUT).status());

    assertEquals(4, promiseAttempts.get(), "the activity's retry policy allows four attempts");
    assertTrue(env.currentTimeMillis() - started >= 90_000, "each retry waited the provider's 30 s (time skipped)");
    verify(extraction).recordExtractionFailure(new ExtractionFailure(ORG, AUDIO, "payment_promise", 2,
        "No language model answered (openai: transient)."));
    verify(extraction, times(1)).extract(new ExtractionRequest(ORG, AUDIO, "sentiment", 1));
  }

  @Test
  void givenNoLanguageModel_whenProcessed_itShouldCompleteWithoutRunningExtractors() {
    when(extraction.planExtractions(any()))
        .thenReturn(new ExtractionPlan(List.of(), "skipped: no language model configured"));

    assertEquals(AudioStatus.COMPLETED, workflow.process(INPUT).status());

    verify(extraction).planExtractions(new ExtractionPlanRequest(ORG, AUDIO));
    verify(extraction, never()).extract(any());
  }
}
