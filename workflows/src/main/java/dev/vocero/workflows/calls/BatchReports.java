package dev.vocero.workflows.calls;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;

/** A contact's signals to its batch, by workflow ID, so the batch's current run gets them after a continue-as-new. */
final class BatchReports {
  private static final int REPORT_ATTEMPTS = 12;

  private final UUID batchId;
  private final long contactId;
  private final Logger log;

  BatchReports(UUID batchId, long contactId, Logger log) {
    this.batchId = batchId;
    this.contactId = contactId;
    this.log = log;
  }

  /**
   * The signal fails while the batch is between two runs, so it is retried for a few minutes: a batch waiting for an
   * unreported contact would otherwise wait forever.
   */
  void contactFinished(ContactOutcome outcome) {
    for (int attempt = 1; ; attempt++) {
      try {
        batch().contactFinished(outcome);
        return;
      } catch (SignalExternalWorkflowException | ApplicationFailure e) {
        if (attempt >= REPORT_ATTEMPTS) {
          log.warn("Batch {} is gone; contact {} ended {} unreported", batchId, contactId, outcome.disposition());
          return;
        }
        Workflow.sleep(Duration.ofSeconds(Math.min(30, attempt * 2L)));
      }
    }
  }

  /** Pauses the batch, so no further contact is started until a top-up. */
  void creditExhausted(String reason) {
    try {
      batch().creditExhausted(reason);
    } catch (SignalExternalWorkflowException | ApplicationFailure e) {
      log.warn("Batch {} could not be paused for lack of credit (contact {})", batchId, contactId);
    }
  }

  private CallBatchWorkflow batch() {
    return Workflow.newExternalWorkflowStub(CallBatchWorkflow.class, CallIds.batchWorkflowId(batchId));
  }
}
