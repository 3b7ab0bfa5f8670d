package dev.vocero.store.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ApiKeyRow.class)
public interface ApiKeyDao {
  String COLUMNS = "id, org_id, name, prefix, role, created_by, created_at, expires_at, revoked_at, last_used_at";

  @SqlUpdate("insert into api_keys (id, org_id, name, prefix, secret_hash, role, created_by, expires_at)"
      + " values (:id, :orgId, :name, :prefix, :secretHash, :role, :createdBy, :expiresAt)")
  void insert(UUID id, UUID orgId, String name, String prefix, String secretHash, String role, UUID createdBy,
      Instant expiresAt);

  @SqlQuery("select " + COLUMNS + " from api_keys where secret_hash = :secretHash")
  Optional<ApiKeyRow> bySecretHash(String secretHash);

  @SqlQuery("select " + COLUMNS + " from api_keys where org_id = :orgId and id = :id")
  Optional<ApiKeyRow> find(UUID orgId, UUID id);

  @SqlQuery("select " + COLUMNS + " from api_keys where org_id = :orgId order by created_at desc, id limit :limit offset :offset")
  List<ApiKeyRow> page(UUID orgId, int limit, int offset);

  @SqlQuery("select count(*) from api_keys where org_id = :orgId")
  long count(UUID orgId);

  @SqlUpdate("update api_keys set revoked_at = now() where org_id = :orgId and id = :id and revoked_at is null")
  int revoke(UUID orgId, UUID id);

  /** At most one write a minute per key, however busy it is. */
  @SqlUpdate("update api_keys set last_used_at = now() where id = :id"
      + " and (last_used_at is null or last_used_at < now() - interval '1 minute')")
  int touch(UUID id);
}
