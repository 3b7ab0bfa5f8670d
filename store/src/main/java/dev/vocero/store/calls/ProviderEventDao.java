package dev.vocero.store.calls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ProviderEventDao.StoredEvent.class)
public interface ProviderEventDao {

  /** @param kind {@code status} (call progress) or {@code recording} (a recording callback, with its id and URL) */
  record StoredEvent(long id, String provider, String eventKey, UUID orgId, UUID attemptId, String providerCallId,
      int sequence, String status, boolean terminal, String disposition, String payload, String state, int deliveries,
      Instant receivedAt, String kind, String recordingId, String recordingUrl) {}

  String COLUMNS = "id, provider, event_key, org_id, attempt_id, provider_call_id, sequence, status, terminal,"
      + " disposition, payload::text as payload, state, deliveries, received_at, kind, recording_id, recording_url";

  /**
   * What one webhook request stored: the event's id and state ({@code pending}: signal it; {@code delivered}: nothing
   * to signal; {@code orphan}: no such attempt), and the attempt's batch and contact when there is one.
   */
  record Intake(long id, String state, UUID batchId, Long contactId) {
    public boolean toSignal() {
      return "pending".equals(state) && batchId != null && contactId != null;
    }
  }

  /**
   * A status callback in ONE round trip: finds the attempt, stores the event once (empty when it is a redelivery) and,
   * when it was new, records the provider's status on the attempt. Only a status the workflow needs
   * ({@code signal}) is left pending; the others are stored as already delivered.
   */
  @SqlQuery("with a as (select id, org_id, batch_id, contact_id from call_attempts where id = cast(:attemptId as uuid)),"
      + " ins as (insert into provider_events (provider, event_key, org_id, attempt_id, provider_call_id, sequence, status,"
      + " terminal, disposition, payload, state, delivered_at) values (:provider, :eventKey, (select org_id from a),"
      + " (select id from a), :providerCallId, :sequence, :status, :terminal, cast(:disposition as text),"
      + " cast(:payload as jsonb), case when not exists (select 1 from a) then 'orphan' when :signal then 'pending'"
      + " else 'delivered' end, case when exists (select 1 from a) and not :signal then now() end)"
      + " on conflict (provider, event_key) do nothing returning id, state),"
      + " upd as (update call_attempts set provider_status = :status,"
      + " answered_by = coalesce(cast(:answeredBy as text), answered_by),"
      + " duration_seconds = coalesce(cast(:durationSeconds as int), duration_seconds)"
      + " where id in (select id from a) and exists (select 1 from ins)"
      // an unchanged row is neither written nor locked: callbacks of one call do not queue behind each other's commit
      + " and (provider_status is distinct from :status"
      + " or cast(:answeredBy as text) is not null and answered_by is distinct from cast(:answeredBy as text)"
      + " or cast(:durationSeconds as int) is not null"
      + " and duration_seconds is distinct from cast(:durationSeconds as int)))"
      + " select ins.id, ins.state, a.batch_id, a.contact_id from ins left join a on true")
  @RegisterConstructorMapper(Intake.class)
  Optional<Intake> intakeStatus(String provider, String eventKey, UUID attemptId, String providerCallId, int sequence,
      String status, boolean terminal, String disposition, String payload, boolean signal, String answeredBy,
      Integer durationSeconds);

  /** A recording callback in one round trip, stored once per recording and status; only {@code signal} ones pending. */
  @SqlQuery("with a as (select id, org_id, batch_id, contact_id from call_attempts where id = cast(:attemptId as uuid)),"
      + " ins as (insert into provider_events (provider, event_key, kind, org_id, attempt_id, provider_call_id, status,"
      + " terminal, recording_id, recording_url, payload, state, delivered_at) values (:provider, :eventKey, 'recording',"
      + " (select org_id from a), (select id from a), :providerCallId, :status, :terminal, :recordingId, :recordingUrl,"
      + " cast(:payload as jsonb), case when not exists (select 1 from a) then 'orphan' when :signal then 'pending'"
      + " else 'delivered' end, case when exists (select 1 from a) and not :signal then now() end)"
      + " on conflict (provider, event_key) do nothing returning id, state)"
      + " select ins.id, ins.state, a.batch_id, a.contact_id from ins left join a on true")
  @RegisterConstructorMapper(Intake.class)
  Optional<Intake> intakeRecording(String provider, String eventKey, UUID attemptId, String providerCallId,
      String status, boolean terminal, String recordingId, String recordingUrl, String payload, boolean signal);

  /** Stores the event once; returns its id, or empty when the same event was already stored (a redelivery). */
  @SqlQuery("insert into provider_events (provider, event_key, org_id, attempt_id, provider_call_id, sequence, status,"
      + " terminal, disposition, payload, state) values (:provider, :eventKey, :orgId, :attemptId, :providerCallId, :sequence,"
      + " :status, :terminal, :disposition, cast(:payload as jsonb), :state)"
      + " on conflict (provider, event_key) do nothing returning id")
  Optional<Long> insert(String provider, String eventKey, UUID orgId, UUID attemptId, String providerCallId, int sequence,
      String status, boolean terminal, String disposition, String payload, String state);

  @SqlUpdate("update provider_events set state = 'delivered', delivered_at = now(), deliveries = deliveries + 1"
      + " where id = :id and state = 'pending'")
  int markDelivered(long id);

  @SqlUpdate("update provider_events set deliveries = deliveries + 1 where id = :id")
  int countFailedDelivery(long id);

  /** Events whose signal has not reached the workflow yet, oldest first (the relay re-delivers them). */
  @SqlQuery("select " + COLUMNS + " from provider_events where state = 'pending' and received_at < :before"
      + " order by received_at limit :limit")
  List<StoredEvent> listPending(Instant before, int limit);

  @SqlQuery("select " + COLUMNS + " from provider_events where attempt_id = :attemptId order by sequence, id")
  List<StoredEvent> listForAttempt(UUID attemptId);
}
