package dev.vocero.store.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * One query per block of the operations dashboard, each on an index that starts with org_id. "Today" is the
 * half-open range [from, to) the caller passes, except for a running campaign, whose day is its own time zone's.
 */
public interface DashboardDao {

  /** A running campaign and the contacts its batches started (first attempt placed) since its own midnight. */
  record RunningCampaign(UUID id, String name, int dailyQuota, String timeZone, long startedToday) {}

  /** Audios that finished in the range, by outcome. */
  record AudioCounts(long completed, long failed) {}

  /** Alerts nobody resolved yet: {@code open} has no assignee, {@code assigned} has one. */
  record AlertCounts(long open, long assigned) {}

  @SqlQuery("select state as k, count(*) as v from campaigns where org_id = :orgId group by 1")
  @KeyColumn("k")
  @ValueColumn("v")
  Map<String, Long> campaignsByState(UUID orgId);

  @SqlQuery("select c.id, c.name, c.daily_quota, c.time_zone, (select count(distinct a.contact_id)"
      + "   from campaign_batches cb join call_attempts a on a.batch_id = cb.batch_id"
      + "   where cb.campaign_id = c.id and a.org_id = c.org_id and a.attempt_number = 1"
      + "   and a.placed_at >= (date_trunc('day', cast(:now as timestamptz) at time zone c.time_zone) at time zone c.time_zone)"
      + "   and a.placed_at <= :now) as started_today"
      + " from campaigns c where c.org_id = :orgId and c.state = 'running' order by c.created_at, c.id")
  @RegisterConstructorMapper(RunningCampaign.class)
  List<RunningCampaign> runningCampaigns(UUID orgId, Instant now);

  @SqlQuery("select status as k, count(*) as v from call_batches where org_id = :orgId group by 1")
  @KeyColumn("k")
  @ValueColumn("v")
  Map<String, Long> batchesByStatus(UUID orgId);

  @SqlQuery("select count(*) from call_attempts where org_id = :orgId and placed_at >= :from and placed_at < :to")
  long callsPlaced(UUID orgId, Instant from, Instant to);

  @SqlQuery("select coalesce(disposition, 'unknown') as k, count(*) as v from call_attempts"
      + " where org_id = :orgId and status = 'ended' and ended_at >= :from and ended_at < :to group by 1")
  @KeyColumn("k")
  @ValueColumn("v")
  Map<String, Long> callsEndedByDisposition(UUID orgId, Instant from, Instant to);

  /** Outbound messages created in the range, by their current state. */
  @SqlQuery("select state as k, count(*) as v from messages where org_id = :orgId and direction = 'outbound'"
      + " and created_at >= :from and created_at < :to group by 1")
  @KeyColumn("k")
  @ValueColumn("v")
  Map<String, Long> messagesByState(UUID orgId, Instant from, Instant to);

  @SqlQuery("select count(*) filter (where status = 'completed') as completed,"
      + " count(*) filter (where status = 'failed') as failed from audios"
      + " where org_id = :orgId and completed_at >= :from and completed_at < :to")
  @RegisterConstructorMapper(AudioCounts.class)
  AudioCounts audiosFinished(UUID orgId, Instant from, Instant to);

  @SqlQuery("select count(*) filter (where status = 'open') as open, count(*) filter (where status = 'assigned') as assigned"
      + " from alerts where org_id = :orgId and status in ('open', 'assigned')")
  @RegisterConstructorMapper(AlertCounts.class)
  AlertCounts unresolvedAlerts(UUID orgId);
}
