package dev.vocero.store.metrics;

import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Counts across every organisation for the Prometheus gauges: no organisation, name or phone leaves these queries. */
public interface OperationsStatsDao {

  /** Calls placed and not ended yet, by the status of their batch. */
  @SqlQuery("select b.status as k, count(*) as v from call_attempts a join call_batches b on b.id = a.batch_id"
      + " where a.status = 'placed' group by b.status")
  @KeyColumn("k")
  @ValueColumn("v")
  Map<String, Long> callsInProgressByBatchState();

  @SqlQuery("select state as k, count(*) as v from messages group by state")
  @KeyColumn("k")
  @ValueColumn("v")
  Map<String, Long> messagesByState();

  /** Provider callbacks stored but not yet signalled to their workflow: what the relay still has to deliver. */
  @SqlQuery("select count(*) from provider_events where state = 'pending'")
  long relayBacklog();

  /** Age in seconds of the oldest pending callback; 0 when none is pending. */
  @SqlQuery("select coalesce(extract(epoch from now() - min(received_at)), 0) from provider_events"
      + " where state = 'pending'")
  double relayOldestSeconds();

  /** Credits reserved for calls in flight, summed over the accounts. */
  @SqlQuery("select coalesce(sum(reserved), 0) from credit_accounts")
  long creditsHeld();
}
