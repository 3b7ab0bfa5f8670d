package dev.vocero.workflows.calls;

import io.temporal.activity.ActivityInterface;
import java.util.List;
import java.util.UUID;

/** Reads a batch's contacts page by page and mirrors its status into PostgreSQL. */
@ActivityInterface(namePrefix = "Batch")
public interface BatchActivities {

  /**
   * Contact ids greater than {@code afterContactId} that are not done yet, in id order, at most {@code limit}; a batch
   * started again after a restart (afterContactId 0) so skips the contacts it already finished.
   */
  ContactPage nextContacts(ContactPageRequest request);

  /** Mirrors the batch status (running, paused, completed, cancelled) and counters into PostgreSQL. */
  void recordBatchStatus(BatchStatusChange change);

  /**
   * Which of these contacts' call workflows are closed (e.g. terminated by an operator) although they never reported
   * to the batch: each with its recorded result, or {@code failed} (then recorded) when it had none.
   */
  List<ContactOutcome> closedContacts(ContactCheck check);

  record ContactPageRequest(UUID orgId, UUID batchId, long afterContactId, int limit) {}

  record ContactPage(List<Long> contactIds, boolean more) {}

  record ContactCheck(UUID orgId, UUID batchId, List<Long> contactIds) {}

  /** @param pauseReason why the batch paused itself (e.g. no credit); null when running or paused by an operator */
  record BatchStatusChange(UUID orgId, UUID batchId, BatchStatus status, int started, int finished,
      String pauseReason) {

    public BatchStatusChange(UUID orgId, UUID batchId, BatchStatus status, int started, int finished) {
      this(orgId, batchId, status, started, finished, null);
    }
  }
}
