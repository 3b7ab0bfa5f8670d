package dev.vocero.store.calls;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads a whole batch page by page (keyset on contact id / row number) for its downloadable report. */
@RegisterConstructorMapper(ContactRow.class)
@RegisterConstructorMapper(AttemptRow.class)
@RegisterConstructorMapper(DecisionDao.Decision.class)
@RegisterConstructorMapper(ReportDao.RejectedRow.class)
public interface ReportDao {

  /** A row of the uploaded file that was not imported; {@code issues} and {@code rowValues} are JSON text. */
  record RejectedRow(int rowNumber, String issues, String rowValues) {}

  @SqlQuery("select " + ContactDao.COLUMNS + " from contacts where org_id = :orgId and batch_id = :batchId and id > :afterId"
      + " order by id limit :limit")
  List<ContactRow> contactsAfter(UUID orgId, UUID batchId, long afterId, int limit);

  @SqlQuery("select " + AttemptDao.COLUMNS + " from call_attempts where org_id = :orgId and batch_id = :batchId"
      + " and contact_id between :fromId and :toId order by contact_id, attempt_number, created_at")
  List<AttemptRow> attemptsBetween(UUID orgId, UUID batchId, long fromId, long toId);

  /** The latest decision of each contact in the id range. */
  @SqlQuery("select distinct on (contact_id) id, contact_id, attempt_id, decision, reason, at from call_decisions"
      + " where org_id = :orgId and batch_id = :batchId and contact_id between :fromId and :toId order by contact_id, id desc")
  List<DecisionDao.Decision> lastDecisionsBetween(UUID orgId, UUID batchId, long fromId, long toId);

  @SqlQuery("select row_number, issues::text as issues, row_values::text as row_values from batch_rejected_rows"
      + " where org_id = :orgId and batch_id = :batchId and row_number > :afterRow order by row_number limit :limit")
  List<RejectedRow> rejectedAfter(UUID orgId, UUID batchId, int afterRow, int limit);
}
