package dev.vocero.activities.calls;

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
import dev.vocero.workflows.campaigns.CampaignIds;
import dev.vocero.workflows.campaigns.CampaignWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages a batch's contacts for the batch workflow, mirrors its status into PostgreSQL (and tells its campaign when it
 * ended), and tells it which of its contacts' workflows closed without reporting.
 */
public final class BatchActivitiesImpl implements BatchActivities {
  private static final Logger log = LoggerFactory.getLogger(BatchActivitiesImpl.class);
  private final Jdbi jdbi;
  private final WorkflowClient temporal;

  public BatchActivitiesImpl(Jdbi jdbi, WorkflowClient temporal) {
    this.jdbi = jdbi;
    this.temporal = temporal;
  }

  @Override
  public ContactPage nextContacts(ContactPageRequest request) {
    List<Long> ids = jdbi.withExtension(ContactDao.class,
        dao -> dao.idsToCallAfter(request.orgId(), request.batchId(), request.afterContactId(), request.limit() + 1));
    boolean more = ids.size() > request.limit();
    return new ContactPage(more ? List.copyOf(ids.subList(0, request.limit())) : ids, more);
  }

  @Override
  public void recordBatchStatus(BatchStatusChange change) {
    jdbi.useExtension(BatchDao.class, dao ->
        dao.updateStatusWithReason(change.orgId(), change.batchId(), change.status().wire(), change.started(), change.finished(),
            change.pauseReason()));
    if (change.status() == BatchStatus.COMPLETED || change.status() == BatchStatus.CANCELLED) {
      wakeCampaigns(change.orgId(), change.batchId());
    }
  }

  /**
   * Signals the campaign the batch belongs to, so a wave waiting for the batch starts now rather than at the campaign's
   * next poll. Best effort: a campaign not running (a draft, or ended) has nothing to wake, and the poll stays.
   */
  private void wakeCampaigns(UUID orgId, UUID batchId) {
    for (UUID campaignId : jdbi.withExtension(CampaignDao.class, dao -> dao.campaignsOfBatch(orgId, batchId))) {
      try {
        temporal.newWorkflowStub(CampaignWorkflow.class, CampaignIds.campaignWorkflowId(campaignId)).memberEnded();
      } catch (WorkflowNotFoundException e) {
        log.debug("Campaign {} of batch {} is not running: nothing to wake", campaignId, batchId);
      } catch (RuntimeException e) {
        log.warn("Campaign {} not told that batch {} ended (it reads it at its next poll): {}", campaignId, batchId,
            e.toString());
      }
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
      ContactRow contact = handle.attach(ContactDao.class).find(check.orgId(), contactId).orElse(null);
      if (contact == null) {
        return new ContactOutcome(contactId, Disposition.FAILED, 0);
      }
      if (contact.finalDisposition() != null) {
        return new ContactOutcome(contactId, Disposition.fromWire(contact.finalDisposition()), contact.attempts());
      }
      handle.attach(ContactDao.class).recordResult(check.orgId(), contactId, Disposition.FAILED.wire(), contact.attempts());
      handle.attach(DecisionDao.class).insert(check.orgId(), check.batchId(), contactId, null, "done",
          "the contact's call workflow ended (" + workflowStatus + ") without reporting to the batch");
      return new ContactOutcome(contactId, Disposition.FAILED, contact.attempts());
    });
  }
}
