package dev.vocero.store.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CampaignRow.class)
public interface CampaignDao {
  String COLUMNS = "id, org_id, name, state, start_date, end_date, weekdays, window_start, window_end, time_zone,"
      + " daily_quota, started_total, created_by, created_at, updated_at, scheduled_at, ended_at,"
      + " message_quotas::text as message_quotas, pause_reason";

  @SqlUpdate("insert into campaigns (id, org_id, name, state, start_date, end_date, weekdays, window_start, window_end,"
      + " time_zone, daily_quota, message_quotas, created_by) values (:id, :orgId, :name, 'draft', :startDate,"
      + " :endDate, :weekdays, :windowStart, :windowEnd, :timeZone, :dailyQuota, cast(:messageQuotas as jsonb),"
      + " :createdBy)")
  void insert(UUID id, UUID orgId, String name, LocalDate startDate, LocalDate endDate, List<String> weekdays,
      LocalTime windowStart, LocalTime windowEnd, String timeZone, int dailyQuota, String messageQuotas,
      UUID createdBy);

  /** Only a draft can be edited; 0 rows when the campaign is not (or no longer) a draft. */
  @SqlUpdate("update campaigns set name = :name, start_date = :startDate, end_date = :endDate, weekdays = :weekdays,"
      + " window_start = :windowStart, window_end = :windowEnd, time_zone = :timeZone, daily_quota = :dailyQuota,"
      + " message_quotas = cast(:messageQuotas as jsonb), updated_at = now()"
      + " where org_id = :orgId and id = :id and state = 'draft'")
  int updateDraft(UUID id, UUID orgId, String name, LocalDate startDate, LocalDate endDate, List<String> weekdays,
      LocalTime windowStart, LocalTime windowEnd, String timeZone, int dailyQuota, String messageQuotas);

  @SqlQuery("select " + COLUMNS + " from campaigns where org_id = :orgId and id = :id")
  Optional<CampaignRow> find(UUID orgId, UUID id);

  /** The campaign's own contact limits (PolicySettings JSON); empty text when it has none. */
  @SqlQuery("select coalesce(contact_policy::text, '') from campaigns where org_id = :orgId and id = :id")
  Optional<String> contactPolicy(UUID orgId, UUID id);

  @SqlUpdate("update campaigns set contact_policy = cast(:contactPolicy as jsonb) where org_id = :orgId and id = :id")
  int setContactPolicy(UUID orgId, UUID id, String contactPolicy);

  /**
   * The contact limits of the campaign the batch belongs to, from the moment it is attached (a draft's too: its batches
   * will run under them); empty when it belongs to none, the campaign has none, or it is a draft that was cancelled
   * (never scheduled, so its batches go on under their own policy).
   */
  @SqlQuery("select c.contact_policy::text from campaigns c join campaign_batches cb on cb.campaign_id = c.id"
      + " where c.org_id = :orgId and cb.batch_id = :batchId and c.contact_policy is not null"
      + " and not (c.state = 'cancelled' and c.scheduled_at is null)")
  Optional<String> contactPolicyOfBatch(UUID orgId, UUID batchId);

  @SqlQuery("select " + COLUMNS + " from campaigns where org_id = :orgId and id = :id for update")
  Optional<CampaignRow> lock(UUID orgId, UUID id);

  @SqlQuery("select " + COLUMNS + " from campaigns where org_id = :orgId order by created_at desc, id"
      + " limit :limit offset :offset")
  List<CampaignRow> list(UUID orgId, int limit, int offset);

  @SqlQuery("select count(*) from campaigns where org_id = :orgId")
  long count(UUID orgId);

  /** draft → scheduled; 0 rows when it is not a draft. */
  @SqlUpdate("update campaigns set state = 'scheduled', scheduled_at = now(), updated_at = now()"
      + " where org_id = :orgId and id = :id and state = 'draft'")
  int schedule(UUID orgId, UUID id);

  /** The workflow's mirror; a campaign that ended stays ended. */
  @SqlUpdate("update campaigns set state = :state, started_total = :startedTotal, updated_at = now(),"
      + " pause_reason = case when :state = 'paused' then :pauseReason else null end,"
      + " ended_at = case when :state in ('completed', 'cancelled') then now() else null end"
      + " where org_id = :orgId and id = :id and state not in ('completed', 'cancelled', 'draft')")
  int recordState(UUID orgId, UUID id, String state, int startedTotal, String pauseReason);

  /** A draft cancelled before it was scheduled (no workflow to tell). */
  @SqlUpdate("update campaigns set state = 'cancelled', ended_at = now(), updated_at = now()"
      + " where org_id = :orgId and id = :id and state = 'draft'")
  int cancelDraft(UUID orgId, UUID id);

  @SqlUpdate("delete from campaigns where org_id = :orgId and id = :id and state = 'draft'")
  int deleteDraft(UUID orgId, UUID id);

  @SqlBatch("insert into campaign_batches (campaign_id, org_id, batch_id) values (:campaignId, :orgId, :batchId)")
  void attach(UUID campaignId, UUID orgId, List<UUID> batchId);

  @SqlUpdate("delete from campaign_batches where org_id = :orgId and campaign_id = :campaignId")
  int detachAll(UUID orgId, UUID campaignId);

  @SqlQuery("select batch_id from campaign_batches where org_id = :orgId and campaign_id = :campaignId"
      + " order by added_at, batch_id")
  List<UUID> batchIds(UUID orgId, UUID campaignId);

  /** The campaign(s) this batch belongs to (at most one today). */
  @SqlQuery("select campaign_id from campaign_batches where org_id = :orgId and batch_id = :batchId")
  List<UUID> campaignsOfBatch(UUID orgId, UUID batchId);

  /** Of these batch ids, those that already belong to a campaign other than {@code campaignId}. */
  @SqlQuery("select batch_id from campaign_batches where batch_id in (<batchIds>) and campaign_id <> :campaignId")
  List<UUID> takenBatches(UUID campaignId, @BindList("batchIds") List<UUID> batchIds);

  @SqlUpdate("insert into campaign_days (campaign_id, org_id, day, calls_started, calls_finished,"
      + " finished_by_disposition, messages_sent, messages_by_status) values (:campaignId, :orgId, :day,"
      + " :callsStarted, :callsFinished, cast(:finishedByDisposition as jsonb), :messagesSent,"
      + " cast(:messagesByStatus as jsonb)) on conflict (campaign_id, day) do update set"
      + " calls_started = excluded.calls_started, calls_finished = excluded.calls_finished,"
      + " finished_by_disposition = excluded.finished_by_disposition, messages_sent = excluded.messages_sent,"
      + " messages_by_status = excluded.messages_by_status, recorded_at = now()")
  void upsertDay(UUID campaignId, UUID orgId, LocalDate day, int callsStarted, int callsFinished,
      String finishedByDisposition, int messagesSent, String messagesByStatus);

  @SqlQuery("select day, calls_started, calls_finished, finished_by_disposition::text as finished_by_disposition,"
      + " messages_sent, messages_by_status::text as messages_by_status"
      + " from campaign_days where org_id = :orgId and campaign_id = :campaignId order by day")
  @RegisterConstructorMapper(CampaignDayRow.class)
  List<CampaignDayRow> days(UUID orgId, UUID campaignId);

  /** Attempts of these batches that ended in [from, to), by disposition. */
  @SqlQuery("select coalesce(disposition, 'unknown') as disposition, count(*) as n from call_attempts"
      + " where org_id = :orgId and batch_id in (<batchIds>) and status = 'ended' and ended_at >= :from"
      + " and ended_at < :to group by 1 order by 1")
  @RegisterConstructorMapper(DispositionCount.class)
  List<DispositionCount> finishedBetween(UUID orgId, @BindList("batchIds") List<UUID> batchIds, Instant from,
      Instant to);

  /** Messages of these waves created in [from, to), by their current state. */
  @SqlQuery("select state as disposition, count(*) as n from messages where org_id = :orgId and wave_id in (<waveIds>)"
      + " and created_at >= :from and created_at < :to group by 1 order by 1")
  @RegisterConstructorMapper(DispositionCount.class)
  List<DispositionCount> messagesBetween(UUID orgId, @BindList("waveIds") List<UUID> waveIds, Instant from,
      Instant to);

  /** The campaign's waves, oldest first. */
  @SqlQuery("select id from message_waves where org_id = :orgId and campaign_id = :campaignId order by created_at, id")
  List<UUID> waveIds(UUID orgId, UUID campaignId);

  record DispositionCount(String disposition, long n) {}
}
