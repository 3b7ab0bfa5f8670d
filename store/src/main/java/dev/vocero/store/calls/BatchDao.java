package dev.vocero.store.calls;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(BatchRow.class)
public interface BatchDao {
  /**
   * An open batch's started/finished come from its contacts, as they stand now: the workflow stores its own counts only
   * at status changes and continue-as-new, which lag behind by up to a page. An ended batch keeps the stored counts.
   * Both read a call_batches row aliased {@code b}.
   */
  String LIVE_STARTED = "case when b.status in ('completed', 'cancelled', 'failed') then b.started else (select count(*)"
      + " from contacts c where c.org_id = b.org_id and c.batch_id = b.id and c.status <> 'pending')::int end";
  String LIVE_FINISHED = "case when b.status in ('completed', 'cancelled', 'failed') then b.finished else (select count(*)"
      + " from contacts c where c.org_id = b.org_id and c.batch_id = b.id and c.status = 'done')::int end";
  String COLUMNS = "b.id, b.org_id, b.name, b.status, b.settings::text as settings, b.source_filename, b.source_format,"
      + " b.rows_read, b.contacts_count, b.rejected_count, " + LIVE_STARTED + " as started, " + LIVE_FINISHED
      + " as finished, b.created_by, b.created_at, b.updated_at, b.completed_at";
  String STORED_COLUMNS = "b.id, b.org_id, b.name, b.status, b.settings::text as settings, b.source_filename,"
      + " b.source_format, b.rows_read, b.contacts_count, b.rejected_count, b.started, b.finished, b.created_by,"
      + " b.created_at, b.updated_at, b.completed_at";

  @SqlUpdate("insert into call_batches (id, org_id, name, status, settings, source_filename, source_format, rows_read,"
      + " contacts_count, rejected_count, created_by) values (:id, :orgId, :name, 'running', cast(:settings as jsonb),"
      + " :sourceFilename, :sourceFormat, :rowsRead, :contactsCount, :rejectedCount, :createdBy)")
  void insert(UUID id, UUID orgId, String name, String settings, String sourceFilename, String sourceFormat, int rowsRead,
      int contactsCount, int rejectedCount, UUID createdBy);

  @SqlQuery("select " + COLUMNS + " from call_batches b where b.org_id = :orgId and b.id = :id")
  Optional<BatchRow> find(UUID orgId, UUID id);

  /**
   * The batch with the started and finished counts its workflow last stored, without counting its contacts as
   * {@link #find} does for a running batch: for a caller that counts them by status anyway ({@link #countsByStatus}).
   */
  @SqlQuery("select " + STORED_COLUMNS + " from call_batches b where b.org_id = :orgId and b.id = :id")
  Optional<BatchRow> findStored(UUID orgId, UUID id);

  @SqlQuery("select " + COLUMNS + " from call_batches b where b.org_id = :orgId order by b.created_at desc, b.id"
      + " limit :limit offset :offset")
  List<BatchRow> list(UUID orgId, int limit, int offset);

  @SqlQuery("select count(*) from call_batches where org_id = :orgId")
  long count(UUID orgId);

  @SqlUpdate("update call_batches set status = :status, started = :started, finished = :finished, updated_at = now(),"
      + " completed_at = case when :status in ('completed', 'cancelled', 'failed') then now() else null end"
      + " where org_id = :orgId and id = :id")
  int updateStatus(UUID orgId, UUID id, String status, int started, int finished);

  /** As {@link #updateStatus}, with why the batch paused itself (null clears it). */
  @SqlUpdate("update call_batches set status = :status, started = :started, finished = :finished, updated_at = now(),"
      + " pause_reason = :pauseReason,"
      + " completed_at = case when :status in ('completed', 'cancelled', 'failed') then now() else null end"
      + " where org_id = :orgId and id = :id")
  int updateStatusWithReason(UUID orgId, UUID id, String status, int started, int finished, String pauseReason);

  /** The batch's contact-policy settings (JSON), empty text when it has none; empty when there is no such batch. */
  @SqlQuery("select coalesce(contact_policy::text, '') from call_batches where org_id = :orgId and id = :id")
  Optional<String> contactPolicy(UUID orgId, UUID id);

  /**
   * Where a call attempt's contact policy comes from, in one round trip: the batch's own settings, its campaign's (null
   * when it has none, or its campaign is a draft that was cancelled) and its organisation's CUSTOM defaults (JSON; empty
   * text when there are none). Empty when there is no such batch.
   */
  @SqlQuery("select coalesce(b.contact_policy::text, '') as batch,"
      + " (select c.contact_policy::text from campaigns c join campaign_batches cb on cb.campaign_id = c.id"
      + " where c.org_id = b.org_id and cb.batch_id = b.id and c.contact_policy is not null"
      + " and not (c.state = 'cancelled' and c.scheduled_at is null) limit 1) as campaign,"
      + " (select coalesce(o.custom_contact_policy::text, '') from organizations o where o.id = b.org_id) as organization"
      + " from call_batches b where b.org_id = :orgId and b.id = :batchId")
  @RegisterConstructorMapper(PolicySources.class)
  Optional<PolicySources> policySources(UUID orgId, UUID batchId);

  /** A batch's contact-policy settings as {@link #policySources} reads them. */
  record PolicySources(String batch, String campaign, String organization) {}

  @SqlUpdate("update call_batches set contact_policy = cast(:contactPolicy as jsonb) where org_id = :orgId and id = :id")
  int setContactPolicy(UUID orgId, UUID id, String contactPolicy);

  @SqlQuery("select pause_reason from call_batches where org_id = :orgId and id = :id")
  Optional<String> pauseReason(UUID orgId, UUID id);

  @SqlUpdate("update call_batches set settings = cast(:settings as jsonb), updated_at = now() where org_id = :orgId and id = :id")
  int updateSettings(UUID orgId, UUID id, String settings);

  /**
   * The call script (with {{variable}} placeholders), its Twilio &lt;Say&gt; language, and the AI agent (JSON) the
   * answered call is connected to instead, when the batch has one.
   */
  record Script(String script, String language, String agent) {}

  @SqlUpdate("update call_batches set agent = cast(:agent as jsonb) where org_id = :orgId and id = :id")
  int updateAgent(UUID orgId, UUID id, String agent);

  @SqlUpdate("update call_batches set script = :script, script_language = :language where org_id = :orgId and id = :id")
  int updateScript(UUID orgId, UUID id, String script, String language);

  @SqlQuery("select script, script_language as language, agent::text as agent from call_batches"
      + " where org_id = :orgId and id = :id")
  @RegisterConstructorMapper(Script.class)
  Optional<Script> script(UUID orgId, UUID id);

  @SqlUpdate("delete from call_batches where org_id = :orgId and id = :id")
  int delete(UUID orgId, UUID id);

  /** Contacts of the batch by final disposition ("pending" for those not finished yet). */
  @SqlQuery("select coalesce(final_disposition, 'pending') as k, count(*) as v from contacts"
      + " where org_id = :orgId and batch_id = :batchId group by 1")
  @KeyColumn("k")
  @ValueColumn("v")
  Map<String, Long> countsByDisposition(UUID orgId, UUID batchId);

  @SqlQuery("select status as k, count(*) as v from contacts where org_id = :orgId and batch_id = :batchId group by 1")
  @KeyColumn("k")
  @ValueColumn("v")
  Map<String, Long> countsByStatus(UUID orgId, UUID batchId);
}
