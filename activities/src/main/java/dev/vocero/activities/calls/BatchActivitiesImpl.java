package dev.vocero.activities.calls;

import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.workflows.calls.BatchActivities;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Pages a batch's contacts for the batch workflow and mirrors its status into PostgreSQL. */
public final class BatchActivitiesImpl implements BatchActivities {
  private final Jdbi jdbi;

  public BatchActivitiesImpl(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public ContactPage nextContacts(ContactPageRequest request) {
    List<Long> ids = jdbi.withExtension(ContactDao.class,
        dao -> dao.idsAfter(request.orgId(), request.batchId(), request.afterContactId(), request.limit() + 1));
    boolean more = ids.size() > request.limit();
    return new ContactPage(more ? List.copyOf(ids.subList(0, request.limit())) : ids, more);
  }

  @Override
  public void recordBatchStatus(BatchStatusChange change) {
    jdbi.useExtension(BatchDao.class, dao ->
        dao.updateStatus(change.orgId(), change.batchId(), change.status(), change.started(), change.finished()));
  }
}
