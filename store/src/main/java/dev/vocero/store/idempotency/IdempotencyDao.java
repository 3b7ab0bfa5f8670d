package dev.vocero.store.idempotency;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(IdempotencyRow.class)
public interface IdempotencyDao {

  /** Claims the key: 1 when this request runs first, 0 when a live row already holds it. */
  @SqlUpdate("insert into idempotency_keys (org_id, key, request_hash, state, expires_at)"
      + " values (:orgId, :key, :requestHash, 'running', :expiresAt) on conflict (org_id, key) do nothing")
  int claim(UUID orgId, String key, String requestHash, Instant expiresAt);

  @SqlQuery("select org_id, key, request_hash, state, response_status, response_type, response_body, created_at,"
      + " expires_at from idempotency_keys where org_id = :orgId and key = :key")
  Optional<IdempotencyRow> find(UUID orgId, String key);

  @SqlUpdate("update idempotency_keys set state = 'done', response_status = :status, response_type = :type,"
      + " response_body = :body where org_id = :orgId and key = :key and state = 'running'")
  int finish(UUID orgId, String key, int status, String type, byte[] body);

  /** Lets a retry run again: the first attempt failed on the server's side or its row expired or was abandoned. */
  @SqlUpdate("delete from idempotency_keys where org_id = :orgId and key = :key and created_at = :createdAt")
  int release(UUID orgId, String key, Instant createdAt);

  @SqlUpdate("delete from idempotency_keys where expires_at < now()")
  int sweepExpired();
}
