package dev.vocero.store.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(RefreshTokenRow.class)
public interface RefreshTokenDao {

  @SqlUpdate("insert into refresh_tokens (id, org_id, user_id, family_id, token_hash, expires_at)"
      + " values (:id, :orgId, :userId, :familyId, :tokenHash, :expiresAt)")
  void insert(UUID id, UUID orgId, UUID userId, UUID familyId, String tokenHash, Instant expiresAt);

  @SqlQuery("select id, org_id, user_id, family_id, token_hash, expires_at, used_at, revoked_at, created_at"
      + " from refresh_tokens where token_hash = :tokenHash")
  Optional<RefreshTokenRow> findByHash(String tokenHash);

  /** Atomically consumes a live token; 0 means it was already used, revoked or expired. */
  @SqlUpdate("update refresh_tokens set used_at = now() where id = :id"
      + " and used_at is null and revoked_at is null and expires_at > now()")
  int consume(UUID id);

  @SqlUpdate("update refresh_tokens set revoked_at = now() where family_id = :familyId and revoked_at is null")
  int revokeFamily(UUID familyId);

  @SqlUpdate("update refresh_tokens set revoked_at = now() where org_id = :orgId and user_id = :userId"
      + " and revoked_at is null")
  int revokeAllForUser(UUID orgId, UUID userId);
}
