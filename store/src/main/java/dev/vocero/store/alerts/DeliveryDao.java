package dev.vocero.store.alerts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(DeliveryRow.class)
public interface DeliveryDao {
  String COLUMNS = "id, org_id, webhook_id, event_id, event_type, alert_id, status, attempts, last_status_code,"
      + " last_error, created_at, updated_at, delivered_at, replay_of";

  @SqlUpdate("insert into webhook_deliveries (id, org_id, webhook_id, event_id, event_type, alert_id)"
      + " values (:id, :orgId, :webhookId, :eventId, :eventType, :alertId) on conflict do nothing")
  int insertIfAbsent(UUID id, UUID orgId, UUID webhookId, UUID eventId, String eventType, UUID alertId);

  /** A new delivery of the same event to the same webhook, for the dispatcher to start; 0 when there is no such delivery. */
  @SqlUpdate("insert into webhook_deliveries (id, org_id, webhook_id, event_id, event_type, alert_id, replay_of,"
      + " needs_dispatch) select :newId, org_id, webhook_id, event_id, event_type, alert_id, id, true"
      + " from webhook_deliveries where org_id = :orgId and webhook_id = :webhookId and id = :id")
  int insertReplay(UUID orgId, UUID webhookId, UUID id, UUID newId);

  @SqlQuery("select " + COLUMNS + " from webhook_deliveries where org_id = :orgId and webhook_id = :webhookId and id = :id")
  Optional<DeliveryRow> findForWebhook(UUID orgId, UUID webhookId, UUID id);

  /** Deliveries of this audio's alerts that still have to reach their receiver. */
  @SqlQuery("select d.id from webhook_deliveries d join alerts a on a.id = d.alert_id"
      + " where d.org_id = :orgId and a.audio_id = :audioId and d.status = 'pending' order by d.created_at, d.id")
  List<UUID> pendingForAudio(UUID orgId, UUID audioId);

  @SqlQuery("select " + COLUMNS + " from webhook_deliveries where org_id = :orgId and id = :id")
  Optional<DeliveryRow> find(UUID orgId, UUID id);

  @SqlQuery("select " + COLUMNS + " from webhook_deliveries where org_id = :orgId and webhook_id = :webhookId"
      + " order by created_at desc, id limit :limit offset :offset")
  List<DeliveryRow> listForWebhook(UUID orgId, UUID webhookId, int limit, int offset);

  @SqlQuery("select count(*) from webhook_deliveries where org_id = :orgId and webhook_id = :webhookId")
  long countForWebhook(UUID orgId, UUID webhookId);

  @SqlQuery("select d.id, d.org_id, d.event_id, d.event_type, d.alert_id, d.status, d.attempts, d.created_at, w.url,"
      + " w.secret, w.enabled from webhook_deliveries d join outbound_webhooks w on w.id = d.webhook_id"
      + " where d.org_id = :orgId and d.id = :id")
  @RegisterConstructorMapper(DeliveryTarget.class)
  Optional<DeliveryTarget> target(UUID orgId, UUID id);

  /** Counts an attempt and its outcome; {@code status} becomes delivered, failed or stays pending. */
  @SqlUpdate("update webhook_deliveries set attempts = attempts + 1, status = :status, last_status_code = :statusCode,"
      + " last_error = :error, updated_at = now(),"
      + " delivered_at = case when :status = 'delivered' then now() else delivered_at end"
      + " where org_id = :orgId and id = :id and status = 'pending'")
  int recordAttempt(UUID orgId, UUID id, String status, Integer statusCode, String error);

  /** Gives up on a delivery that is still pending (retries exhausted), keeping the last error. */
  @SqlUpdate("update webhook_deliveries set status = 'failed', last_error = coalesce(:reason, last_error),"
      + " updated_at = now() where org_id = :orgId and id = :id and status = 'pending'")
  int giveUp(UUID orgId, UUID id, String reason);
}
