package dev.vocero.workflows.calls;

import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import dev.vocero.workflows.common.WorkflowLabels;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;

/** A batch's contact calls as abandoned child workflows: started without waiting, cancelled by signal. */
final class ContactChildren {
  private final UUID orgId;
  private final UUID batchId;
  private final Logger log;
  private LongFunction<WorkflowLabels> labels;

  ContactChildren(UUID orgId, UUID batchId, Logger log) {
    this.orgId = orgId;
    this.batchId = batchId;
    this.log = log;
  }

  /**
   * Initiates the child; {@code onStart} hears whether it started (false: the ID was already used, an earlier
   * execution handled this contact, never dial it twice) and {@code onClose} when it closed, with or without a report.
   */
  void start(ContactCallInput input, Consumer<Boolean> onStart, Runnable onClose) {
    ContactCallWorkflow child =
        Workflow.newChildWorkflowStub(ContactCallWorkflow.class, options(input.contactId()));
    Promise<ContactOutcome> result = Async.function(child::call, input);
    Workflow.getWorkflowExecution(child).handle((execution, failure) -> {
      if (failure != null) {
        log.warn("Batch {} did not start contact {}; counted as finished", batchId, input.contactId());
      }
      onStart.accept(failure == null);
      return null;
    });
    result.handle((outcome, failure) -> {
      onClose.run();
      return null;
    });
  }

  /** Signals a cancel to each contact and waits until every signal was delivered or found its contact ended. */
  void cancel(List<Long> contactIds, String reason) {
    List<Promise<Void>> sent = new ArrayList<>();
    for (long contactId : contactIds) {
      ContactCallWorkflow child =
          Workflow.newExternalWorkflowStub(ContactCallWorkflow.class, CallIds.contactWorkflowId(batchId, contactId));
      sent.add(Async.procedure(child::cancel, reason));
    }
    for (Promise<Void> signal : sent) {
      try {
        signal.get();
      } catch (SignalExternalWorkflowException | ApplicationFailure e) {
        log.info("Batch {}: a contact ended before its cancel arrived", batchId);
      }
    }
  }

  private ChildWorkflowOptions options(long contactId) {
    if (labels == null) {
      labels = WorkflowLabels.contactCallsOfThisBatch();
    }
    return labels.apply(contactId).applyTo(ChildWorkflowOptions.newBuilder())
        .setWorkflowId(CallIds.contactWorkflowId(batchId, contactId))
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, orgId.toString())
            .set(VoceroSearchAttributes.KIND, CallIds.CALL_KIND)
            .set(VoceroSearchAttributes.BATCH_ID, batchId.toString())
            .set(VoceroSearchAttributes.STATUS, ContactState.WAITING.wire())
            .build())
        .build();
  }
}
