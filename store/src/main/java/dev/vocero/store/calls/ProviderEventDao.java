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

  /** Stores the event once; returns its id, or empty when the same event was already stored (a redelivery). */
  @SqlQuery("insert into provider_events (provider, event_key, org_id, attempt_id, provider_call_id, sequence, status,"
      + " terminal, disposition, payload, state) values (:provider, :eventKey, :orgId, :attemptId, :providerCallId, :sequence,"
      + " :status, :terminal, :disposition, cast(:payload as jsonb), :state)"
      + " on conflict (provider, event_key) do nothing returning id")
  Optional<Long> insert(String provider, String eventKey, UUID orgId, UUID attemptId, String providerCallId, int sequence,
      String status, boolean terminal, String disposition, String payload, String state);

  /**
   * Stores a recording callback once (key: recording id and status); returns its id, or empty for a redelivery.
   * {@code state} is pending (to signal), delivered (nothing to signal) or orphan (unknown call).
   */
  @SqlQuery("insert into provider_events (provider, event_key, kind, org_id, attempt_id, provider_call_id, status,"
      + " terminal, recording_id, recording_url, payload, state) values (:provider, :eventKey, 'recording', :orgId,"
      + " :attemptId, :providerCallId, :status, :terminal, :recordingId, :recordingUrl, cast(:payload as jsonb), :state)"
      + " on conflict (provider, event_key) do nothing returning id")
  Optional<Long> insertRecording(String provider, String eventKey, UUID orgId, UUID attemptId, String providerCallId,
      String status, boolean terminal, String recordingId, String recordingUrl, String payload, String state);

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
