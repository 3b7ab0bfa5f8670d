package dev.vocero.store.calls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.NoTemplateEngine;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.UseTemplateEngine;
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

  /** One row of {@link #intakeStatuses}: {@code n} is the caller's position for it (1-based) in the arrays. */
  record BatchIntake(int n, long id, String state, UUID batchId, Long contactId) {
    public Intake intake() {
      return new Intake(id, state, batchId, contactId);
    }
  }

  /**
   * {@link #intakeStatus} for many callbacks in ONE statement (group commit): element {@code i} of every array is one
   * callback. Returns a row only for the callbacks it stored, with their 1-based position {@code n}; a redelivery (its
   * key already stored) returns nothing. The event keys must be distinct within one call. Each attempt is updated once,
   * to the status of its stored callback with the highest sequence (answered_by and duration: the latest one given).
   */
  @SqlQuery("with input as (select * from unnest(cast(:provider as text[]), cast(:eventKey as text[]),"
      + " cast(:attemptId as uuid[]), cast(:providerCallId as text[]), cast(:sequence as int[]), cast(:status as text[]),"
      + " cast(:terminal as boolean[]), cast(:disposition as text[]), cast(:payload as text[]), cast(:signal as boolean[]),"
      + " cast(:answeredBy as text[]), cast(:durationSeconds as int[])) with ordinality as i(provider, event_key,"
      + " attempt_id, provider_call_id, sequence, status, terminal, disposition, payload, signal, answered_by,"
      + " duration_seconds, n)),"
      + " a as (select i.n, c.id, c.org_id, c.batch_id, c.contact_id from input i join call_attempts c on c.id = i.attempt_id),"
      + " ins as (insert into provider_events (provider, event_key, org_id, attempt_id, provider_call_id, sequence, status,"
      + " terminal, disposition, payload, state, delivered_at) select i.provider, i.event_key, a.org_id, a.id,"
      + " i.provider_call_id, i.sequence, i.status, i.terminal, i.disposition, cast(i.payload as jsonb),"
      + " case when a.id is null then 'orphan' when i.signal then 'pending' else 'delivered' end,"
      + " case when a.id is not null and not i.signal then now() end"
      + " from input i left join a on a.n = i.n order by i.n"
      + " on conflict (provider, event_key) do nothing returning id, provider, event_key, state, attempt_id),"
      + " stored as (select i.*, ins.id as event_id, ins.state from ins join input i"
      + " on i.provider = ins.provider and i.event_key = ins.event_key),"
      + " latest as (select attempt_id,"
      + " (array_agg(status order by sequence desc, n desc))[1] as status,"
      + " (array_agg(answered_by order by sequence desc, n desc) filter (where answered_by is not null))[1] as answered_by,"
      + " (array_agg(duration_seconds order by sequence desc, n desc) filter (where duration_seconds is not null))[1]"
      + " as duration_seconds from stored where state <> 'orphan' group by attempt_id),"
      + " upd as (update call_attempts c set provider_status = l.status,"
      + " answered_by = coalesce(l.answered_by, c.answered_by),"
      + " duration_seconds = coalesce(l.duration_seconds, c.duration_seconds)"
      + " from latest l where c.id = l.attempt_id"
      // as in intakeStatus: an unchanged row is neither written nor locked
      + " and (c.provider_status is distinct from l.status"
      + " or l.answered_by is not null and c.answered_by is distinct from l.answered_by"
      + " or l.duration_seconds is not null and c.duration_seconds is distinct from l.duration_seconds))"
      + " select s.n, s.event_id as id, s.state, a.batch_id, a.contact_id from stored s left join a on a.n = s.n")
  @RegisterConstructorMapper(BatchIntake.class)
  @UseTemplateEngine(NoTemplateEngine.class) // no <attributes> in it: skip the template lexer on the hot path
  List<BatchIntake> intakeStatuses(String[] provider, String[] eventKey, UUID[] attemptId, String[] providerCallId,
      Integer[] sequence, String[] status, Boolean[] terminal, String[] disposition, String[] payload, Boolean[] signal,
      String[] answeredBy, Integer[] durationSeconds);

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
