package dev.vocero.store.messaging;

import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ContactRow;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(WaveRow.class)
public interface WaveDao {
  String COLUMNS = "id, org_id, name, channel, body, content_sid, content_variables::text as content_variables,"
      + " source_batch_id, disposition, per_minute, status, created_at, updated_at, completed_at, pause_reason";

  @SqlUpdate("insert into message_waves (id, org_id, name, channel, body, content_sid, content_variables,"
      + " source_batch_id, disposition, per_minute, status, created_by) values (:id, :orgId, :name, :channel, :body,"
      + " :contentSid, cast(:contentVariables as jsonb), :sourceBatchId, :disposition, :perMinute, 'running', :createdBy)")
  void insert(UUID id, UUID orgId, String name, String channel, String body, String contentSid, String contentVariables,
      UUID sourceBatchId, String disposition, int perMinute, UUID createdBy);

  /** A wave of a campaign: held until the campaign's window opens and the campaign starts its workflow. */
  @SqlUpdate("insert into message_waves (id, org_id, name, channel, body, content_sid, content_variables,"
      + " source_batch_id, disposition, per_minute, status, campaign_id, created_by) values (:id, :orgId, :name,"
      + " :channel, :body, :contentSid, cast(:contentVariables as jsonb), :sourceBatchId, :disposition, :perMinute,"
      + " 'held', :campaignId, :createdBy)")
  void insertHeld(UUID id, UUID orgId, String name, String channel, String body, String contentSid,
      String contentVariables, UUID sourceBatchId, String disposition, int perMinute, UUID campaignId,
      UUID createdBy);

  @SqlQuery("select " + COLUMNS + " from message_waves where org_id = :orgId and campaign_id = :campaignId"
      + " order by created_at, id")
  List<WaveRow> ofCampaign(UUID orgId, UUID campaignId);

  /** The waves of a draft campaign, replaced on each edit. */
  @SqlUpdate("delete from message_waves where org_id = :orgId and campaign_id = :campaignId and status = 'held'")
  int deleteHeldOfCampaign(UUID orgId, UUID campaignId);

  /** The campaign a wave belongs to, if any. */
  @SqlQuery("select campaign_id::text from message_waves where org_id = :orgId and id = :id and campaign_id is not null")
  Optional<String> campaignOf(UUID orgId, UUID id);

  /** A held wave whose workflow pages its recipients is running. */
  @SqlUpdate("update message_waves set status = 'running', updated_at = now() where org_id = :orgId and id = :id"
      + " and status = 'held'")
  int markRunning(UUID orgId, UUID id);

  /** Undoes a wave whose workflow could not be started. */
  @SqlUpdate("delete from message_waves where org_id = :orgId and id = :id")
  int delete(UUID orgId, UUID id);

  @SqlQuery("select " + COLUMNS + " from message_waves where org_id = :orgId and id = :id")
  Optional<WaveRow> find(UUID orgId, UUID id);

  /** running, paused, completed or cancelled; a finished wave keeps its final status. */
  @SqlUpdate("update message_waves set status = :status, updated_at = now(),"
      + " completed_at = case when :status in ('completed', 'cancelled') then now() else completed_at end"
      + " where org_id = :orgId and id = :id and status not in ('completed', 'cancelled')")
  int setStatus(UUID orgId, UUID id, String status);

  /** Why the wave paused itself ({@code no_credit}); null clears it. A finished wave keeps what it had. */
  @SqlUpdate("update message_waves set pause_reason = :pauseReason, updated_at = now()"
      + " where org_id = :orgId and id = :id and status not in ('completed', 'cancelled')")
  int setPauseReason(UUID orgId, UUID id, String pauseReason);

  @SqlUpdate("update message_waves set sent = :sent, skipped = :skipped, failed = :failed, updated_at = now()"
      + " where org_id = :orgId and id = :id")
  int recordCounts(UUID orgId, UUID id, int sent, int skipped, int failed);

  /** The wave's recipients in contact order, after {@code afterId}: keyset paging for the workflow. */
  @RegisterConstructorMapper(ContactRow.class)
  @SqlQuery("select " + ContactDao.COLUMNS + " from contacts"
      + " where org_id = :orgId and batch_id = :batchId and id > :afterId"
      + " and (cast(:disposition as text) is null or final_disposition = :disposition) order by id limit :limit")
  List<ContactRow> recipients(UUID orgId, UUID batchId, String disposition, long afterId, int limit);
}
