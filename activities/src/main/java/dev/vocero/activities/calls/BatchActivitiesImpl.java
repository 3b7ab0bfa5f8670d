package dev.vocero.activities.calls;

import dev.vocero.activities.campaigns.CampaignWakeUp;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ContactRow;
import dev.vocero.store.calls.DecisionDao;
import dev.vocero.workflows.calls.BatchActivities;
import dev.vocero.workflows.calls.BatchStatus;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.calls.ContactOutcome;
import dev.vocero.workflows.calls.Disposition;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Pages a batch's contacts for the batch workflow, mirrors its status into PostgreSQL (and tells its campaign when it
 * ended), and tells it which of its contacts' workflows closed without reporting.
 */
public final class BatchActivitiesImpl implements BatchActivities {
  private final Jdbi jdbi;
  private final WorkflowClient temporal;
  private final CampaignWakeUp wakeUp;

  public BatchActivitiesImpl(Jdbi jdbi, WorkflowClient temporal) {
    this.jdbi = jdbi;
    this.temporal = temporal;
    this.wakeUp = new CampaignWakeUp(temporal);
  }

  @Override
  public ContactPage nextContacts(ContactPageRequest request) {
    List<Long> ids = SharedDaos.of(jdbi).with(ContactDao.class,
        dao -> dao.idsToCallAfter(request.orgId(), request.batchId(), request.afterContactId(), request.limit() + 1));
    boolean more = ids.size() > request.limit();
    return new ContactPage(more ? List.copyOf(ids.subList(0, request.limit())) : ids, more);
  }

  @Override
  public void recordBatchStatus(BatchStatusChange change) {
    SharedDaos.of(jdbi).use(BatchDao.class, dao ->
        dao.updateStatusWithReason(change.orgId(), change.batchId(), change.status().wire(), change.started(), change.finished(),
            change.pauseReason()));
    if (change.status() == BatchStatus.COMPLETED || change.status() == BatchStatus.CANCELLED) {
      wakeUp.memberEnded(SharedDaos.of(jdbi).with(CampaignDao.class,
          dao -> dao.campaignsOfBatch(change.orgId(), change.batchId())), "batch " + change.batchId());
    }
  }

  @Override
  public List<ContactOutcome> closedContacts(ContactCheck check) {
    List<ContactOutcome> closed = new ArrayList<>();
    for (long contactId : check.contactIds()) {
      Optional<WorkflowExecutionStatus> status = status(temporal, CallIds.contactWorkflowId(check.batchId(), contactId));
      if (status.isEmpty() || status.get() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        closed.add(recordedOrFailed(check, contactId, status.map(s -> s.name()
            .substring("WORKFLOW_EXECUTION_STATUS_".length()).toLowerCase(Locale.ROOT)).orElse("not found")));
      }
    }
    return closed;
  }

  /** Empty when Temporal no longer knows the workflow (closed long ago and past retention). */
  private static Optional<WorkflowExecutionStatus> status(WorkflowClient client, String workflowId) {
    try {
      return Optional.of(client.newUntypedWorkflowStub(workflowId).describe().getStatus());
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The contact's stored result; without one it ends {@code failed}, with the reason recorded among its decisions. */
  private ContactOutcome recordedOrFailed(ContactCheck check, long contactId, String workflowStatus) {
    return jdbi.inTransaction(handle -> {
      ContactRow contact = SharedDaos.attach(handle, ContactDao.class).find(check.orgId(), contactId).orElse(null);
      if (contact == null) {
        return new ContactOutcome(contactId, Disposition.FAILED, 0);
      }
      if (contact.finalDisposition() != null) {
        return new ContactOutcome(contactId, Disposition.fromWire(contact.finalDisposition()), contact.attempts());
      }
      SharedDaos.attach(handle, ContactDao.class).recordResult(check.orgId(), contactId, Disposition.FAILED.wire(), contact.attempts());
      SharedDaos.attach(handle, DecisionDao.class).insert(check.orgId(), check.batchId(), contactId, null, "done",
          "the contact's call workflow ended (" + workflowStatus + ") without reporting to the batch");
      return new ContactOutcome(contactId, Disposition.FAILED, contact.attempts());
    });
  }
}
