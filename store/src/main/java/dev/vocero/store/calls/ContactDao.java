package dev.vocero.store.calls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ContactRow.class)
public interface ContactDao {
  String COLUMNS = "id, org_id, batch_id, row_number, name, phones, amount, due_date, time_zone, document, email,"
      + " variables::text as variables, status, final_disposition, attempts, person_id";

  /** A contact as imported, before it is stored. */
  /** {@code personKind}/{@code personHash} null: the row is a person of its own. */
  record NewContact(int rowNumber, String name, List<String> phones, BigDecimal amount, LocalDate dueDate, String timeZone,
      String document, String email, String variables, String personKind, String personHash) {

    public NewContact(int rowNumber, String name, List<String> phones, BigDecimal amount, LocalDate dueDate,
        String timeZone, String document, String email, String variables) {
      this(rowNumber, name, phones, amount, dueDate, timeZone, document, email, variables, null, null);
    }
  }

  @SqlBatch("insert into contacts (org_id, batch_id, row_number, name, phones, amount, due_date, time_zone, document, email,"
      + " variables, person_kind, person_hash) values (:orgId, :batchId, :c.rowNumber, :c.name, :c.phones, :c.amount,"
      + " :c.dueDate, :c.timeZone, :c.document, :c.email, cast(:c.variables as jsonb), :c.personKind, :c.personHash)")
  void insertAll(UUID orgId, UUID batchId, @BindMethods("c") List<NewContact> contacts);

  @SqlQuery("select id from contacts where org_id = :orgId and batch_id = :batchId and id > :afterId order by id limit :limit")
  List<Long> idsAfter(UUID orgId, UUID batchId, long afterId, int limit);

  /** As {@link #idsAfter}, without the contacts already done (a batch started again after a restart skips them). */
  @SqlQuery("select id from contacts where org_id = :orgId and batch_id = :batchId and id > :afterId"
      + " and status <> 'done' order by id limit :limit")
  List<Long> idsToCallAfter(UUID orgId, UUID batchId, long afterId, int limit);

  @SqlQuery("select " + COLUMNS + " from contacts where org_id = :orgId and id = :id")
  Optional<ContactRow> find(UUID orgId, long id);

  @SqlQuery("select " + COLUMNS + " from contacts where org_id = :orgId and batch_id = :batchId"
      + " and (cast(:status as text) is null or status = :status)"
      + " and (cast(:disposition as text) is null or final_disposition = :disposition)"
      + " order by id limit :limit offset :offset")
  List<ContactRow> list(UUID orgId, UUID batchId, String status, String disposition, int limit, int offset);

  @SqlQuery("select count(*) from contacts where org_id = :orgId and batch_id = :batchId"
      + " and (cast(:status as text) is null or status = :status)"
      + " and (cast(:disposition as text) is null or final_disposition = :disposition)")
  long count(UUID orgId, UUID batchId, String status, String disposition);

  @SqlUpdate("update contacts set status = 'in_progress', updated_at = now() where org_id = :orgId and id = :id and status = 'pending'")
  int markInProgress(UUID orgId, long id);

  /** {@link #find} and {@link #markInProgress} in one round trip; the row is as it was before the mark. */
  @SqlQuery("with marked as (update contacts set status = 'in_progress', updated_at = now() where org_id = :orgId"
      + " and id = :id and status = 'pending' returning id) select " + COLUMNS + " from contacts where org_id = :orgId"
      + " and id = :id")
  Optional<ContactRow> findAndMarkInProgress(UUID orgId, long id);

  @SqlUpdate("update contacts set status = 'done', final_disposition = :disposition, attempts = :attempts, updated_at = now()"
      + " where org_id = :orgId and id = :id")
  int recordResult(UUID orgId, long id, String disposition, int attempts);
}
