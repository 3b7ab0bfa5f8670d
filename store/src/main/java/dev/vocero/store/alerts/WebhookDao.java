package dev.vocero.store.alerts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(WebhookRow.class)
public interface WebhookDao {
  String COLUMNS = "id, org_id, url, secret, description, enabled, event_types, created_at, updated_at";

  @SqlQuery("select " + COLUMNS + " from outbound_webhooks where org_id = :orgId order by created_at, id")
  List<WebhookRow> list(UUID orgId);

  @SqlQuery("select " + COLUMNS + " from outbound_webhooks where org_id = :orgId and enabled"
      + " and :eventType = any (event_types) order by created_at, id")
  List<WebhookRow> listEnabledFor(UUID orgId, String eventType);

  @SqlQuery("select " + COLUMNS + " from outbound_webhooks where org_id = :orgId and id = :id")
  Optional<WebhookRow> find(UUID orgId, UUID id);

  @SqlQuery("select count(*) from outbound_webhooks where org_id = :orgId")
  int count(UUID orgId);

  @SqlUpdate("insert into outbound_webhooks (id, org_id, url, secret, description, enabled, event_types)"
      + " values (:w.id, :w.orgId, :w.url, :w.secret, :w.description, :w.enabled, :w.eventTypes)")
  void insert(@BindMethods("w") WebhookRow webhook);

  @SqlUpdate("update outbound_webhooks set url = :url, description = :description, enabled = :enabled,"
      + " event_types = :eventTypes, updated_at = now() where org_id = :orgId and id = :id")
  int update(UUID orgId, UUID id, String url, String description, boolean enabled, List<String> eventTypes);

  @SqlUpdate("delete from outbound_webhooks where org_id = :orgId and id = :id")
  int delete(UUID orgId, UUID id);
}
