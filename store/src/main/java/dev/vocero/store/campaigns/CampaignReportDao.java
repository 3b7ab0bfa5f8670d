package dev.vocero.store.campaigns;

import dev.vocero.store.calls.BatchDao;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The reads behind a campaign's Excel report; every query is scoped to the organization and the campaign. */
public interface CampaignReportDao {

  /** One day of the roll-up; the two JSON columns are objects of counts such as {"answered_human": 12}. */
  record Day(LocalDate day, int callsStarted, int callsFinished, String finishedByDisposition, int messagesSent,
      String messagesByStatus) {}

  record Batch(UUID id, String name, String status, int contactsCount, int started, int finished, Instant createdAt) {}

  /** Ended attempts of one batch with one disposition ("unknown" when the provider gave none). */
  record AttemptCount(UUID batchId, String disposition, long n) {}

  record Wave(UUID id, String name, String channel, String status, int sent, int skipped, int failed,
      String pauseReason, Instant createdAt, Instant completedAt) {}

  /** Campaign columns added after V9: {@code messageQuotas} a JSON object such as {"sms": 500}. */
  record Extras(String messageQuotas, String pauseReason) {}

  @SqlQuery("select message_quotas::text as message_quotas, pause_reason from campaigns"
      + " where org_id = :orgId and id = :campaignId")
  @RegisterConstructorMapper(Extras.class)
  Optional<Extras> extras(UUID orgId, UUID campaignId);

  @SqlQuery("select day, calls_started, calls_finished, finished_by_disposition::text as finished_by_disposition,"
      + " messages_sent, messages_by_status::text as messages_by_status from campaign_days"
      + " where org_id = :orgId and campaign_id = :campaignId order by day")
  @RegisterConstructorMapper(Day.class)
  List<Day> days(UUID orgId, UUID campaignId);

  @SqlQuery("select b.id, b.name, b.status, b.contacts_count, " + BatchDao.LIVE_STARTED
      + " as started, " + BatchDao.LIVE_FINISHED + " as finished, b.created_at"
      + " from campaign_batches cb join call_batches b on b.id = cb.batch_id and b.org_id = cb.org_id"
      + " where cb.org_id = :orgId and cb.campaign_id = :campaignId order by cb.added_at, b.id")
  @RegisterConstructorMapper(Batch.class)
  List<Batch> batches(UUID orgId, UUID campaignId);

  /** Through the batches' contacts: attempts are indexed by contact, not by batch. */
  @SqlQuery("select c.batch_id, coalesce(a.disposition, 'unknown') as disposition, count(*) as n"
      + " from campaign_batches cb join contacts c on c.batch_id = cb.batch_id"
      + " join call_attempts a on a.contact_id = c.id and a.org_id = :orgId"
      + " where cb.org_id = :orgId and cb.campaign_id = :campaignId and a.status = 'ended' group by 1, 2 order by 1, 2")
  @RegisterConstructorMapper(AttemptCount.class)
  List<AttemptCount> endedAttempts(UUID orgId, UUID campaignId);

  @SqlQuery("select id, name, channel, status, sent, skipped, failed, pause_reason, created_at, completed_at"
      + " from message_waves where org_id = :orgId and campaign_id = :campaignId order by created_at, id")
  @RegisterConstructorMapper(Wave.class)
  List<Wave> waves(UUID orgId, UUID campaignId);

  /** Outbound messages of the campaign's waves by their current state. */
  @SqlQuery("select m.state as k, count(*) as v from message_waves w join messages m on m.wave_id = w.id"
      + " where w.org_id = :orgId and w.campaign_id = :campaignId and m.direction = 'outbound' group by 1")
  @KeyColumn("k")
  @ValueColumn("v")
  Map<String, Long> messagesByState(UUID orgId, UUID campaignId);
}
