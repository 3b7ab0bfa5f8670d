package dev.vocero.store.events;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The business-event outbox: rows are written by the triggers of migration V27, in the fact's own transaction. */
@RegisterConstructorMapper(WebhookEventRow.class)
public interface WebhookEventDao {
  String COLUMNS = "id, org_id, type, occurred_at, data::text as data, created_at";

  @SqlQuery("select " + COLUMNS + " from webhook_events where org_id = :orgId and id = :id")
  Optional<WebhookEventRow> find(UUID orgId, UUID id);

  @SqlQuery("select " + COLUMNS + " from webhook_events where org_id = :orgId and type = :type"
      + " order by created_at, id")
  List<WebhookEventRow> listOfType(UUID orgId, String type);

  /** Deliveries whose workflow has not been started yet, oldest first, locked for this transaction. */
  @SqlQuery("select org_id, id from webhook_deliveries where needs_dispatch order by created_at, id limit :limit"
      + " for update skip locked")
  @RegisterConstructorMapper(PendingDispatch.class)
  List<PendingDispatch> lockPendingDispatch(int limit);

  @SqlUpdate("update webhook_deliveries set needs_dispatch = false where id = :id")
  int markDispatched(UUID id);

  /** After {@code dev} restarts its embedded Temporal, which forgot them: every pending delivery is started again. */
  @SqlUpdate("update webhook_deliveries set needs_dispatch = true where status = 'pending' and not needs_dispatch")
  int redispatchPending();

  /** A delivery waiting for its workflow: the dispatcher's unit of work. */
  record PendingDispatch(UUID orgId, UUID id) {}
}
