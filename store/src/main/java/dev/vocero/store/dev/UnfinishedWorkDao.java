package dev.vocero.store.dev;

import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.campaigns.CampaignRow;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What PostgreSQL shows unfinished, across organisations, with what a workflow needs to go on from there: read by
 * {@code vocero dev} at start-up, because its embedded Temporal forgets every workflow when it stops.
 */
public interface UnfinishedWorkDao {

  /**
   * A running or paused batch. {@code done}: contacts with a final result; {@code campaignId}: the live campaign
   * (scheduled, running or paused) that holds and releases it, else null.
   */
  record Batch(UUID id, UUID orgId, String status, String settings, String pauseReason, int done, UUID campaignId) {}

  /**
   * A held, running or paused wave and what its messages say: {@code sent} handed to the provider, {@code skipped} and
   * {@code failed} never sent, {@code lastContactId} the contact after which sending goes on (before the first message
   * that was not finished, since a wave sends one message at a time in contact order).
   */
  record Wave(UUID id, UUID orgId, String status, int perMinute, String pauseReason, UUID campaignId, int sent,
      int skipped, int failed, long lastContactId) {}

  /** One wave of a campaign as the campaign sees it ({@code held}: its workflow was never started). */
  record CampaignWave(UUID id, String channel, int perMinute, UUID sourceBatchId, String disposition, String status,
      int sent, int skipped, int failed) {}

  @SqlQuery("select id, channel, per_minute, source_batch_id, disposition, status, sent, skipped, failed"
      + " from message_waves where campaign_id = :campaignId order by created_at, id")
  @RegisterConstructorMapper(CampaignWave.class)
  List<CampaignWave> campaignWaves(UUID campaignId);

  /** One batch of a campaign as the campaign sees it. */
  record CampaignBatch(UUID batchId, String status, String settings, int started, int finished) {}

  /** Days a campaign already rolled up, and the last of them (null before the first). */
  record CampaignDays(int daysRun, LocalDate lastDay) {}

  @SqlQuery("select b.id, b.org_id, b.status, b.settings::text as settings, b.pause_reason,"
      + " (select count(*) from contacts c where c.batch_id = b.id and c.status = 'done') as done,"
      + " (select cb.campaign_id from campaign_batches cb join campaigns k on k.id = cb.campaign_id"
      + " where cb.batch_id = b.id and k.state in ('scheduled', 'running', 'paused')) as campaign_id"
      + " from call_batches b where b.status in ('running', 'paused') order by b.created_at, b.id limit :limit")
  @RegisterConstructorMapper(Batch.class)
  List<Batch> batches(int limit);

  @SqlQuery("select w.id, w.org_id, w.status, w.per_minute, w.pause_reason, w.campaign_id,"
      + " count(m.id) filter (where m.provider_sid is not null) as sent,"
      + " count(m.id) filter (where m.provider_sid is null and m.state = 'cancelled') as skipped,"
      + " count(m.id) filter (where m.provider_sid is null and m.state = 'failed') as failed,"
      + " coalesce(min(m.contact_id) filter (where m.provider_sid is null and m.state in ('pending', 'processing')) - 1,"
      + " max(m.contact_id), 0) as last_contact_id"
      + " from message_waves w left join messages m on m.wave_id = w.id and m.direction = 'outbound'"
      + " where w.status in ('running', 'paused') group by w.id order by w.created_at, w.id limit :limit")
  @RegisterConstructorMapper(Wave.class)
  List<Wave> waves(int limit);

  @SqlQuery("select " + CampaignDao.COLUMNS + " from campaigns where state in ('scheduled', 'running', 'paused')"
      + " order by created_at, id limit :limit")
  @RegisterConstructorMapper(CampaignRow.class)
  List<CampaignRow> campaigns(int limit);

  @SqlQuery("select b.id as batch_id, b.status, b.settings::text as settings, b.started, b.finished"
      + " from campaign_batches cb join call_batches b on b.id = cb.batch_id"
      + " where cb.campaign_id = :campaignId order by cb.added_at, cb.batch_id")
  @RegisterConstructorMapper(CampaignBatch.class)
  List<CampaignBatch> campaignBatches(UUID campaignId);

  @SqlQuery("select count(*) as days_run, max(day) as last_day from campaign_days where campaign_id = :campaignId")
  @RegisterConstructorMapper(CampaignDays.class)
  CampaignDays campaignDays(UUID campaignId);
}
