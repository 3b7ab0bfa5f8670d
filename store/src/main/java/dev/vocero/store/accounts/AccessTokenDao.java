package dev.vocero.store.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AccessTokenDao.Holder.class)
public interface AccessTokenDao {

  /** What an access token's holder may do now: the user's current role and state, and whether the token was ended. */
  record Holder(UUID orgId, String role, boolean active, boolean revoked) {}

  @SqlQuery("select org_id, role, active, exists (select 1 from revoked_access_tokens where jti = :jti) as revoked"
      + " from users where id = :userId")
  Optional<Holder> holder(UUID userId, UUID jti);

  @SqlUpdate("insert into revoked_access_tokens (jti, user_id, expires_at) values (:jti, :userId, :expiresAt)"
      + " on conflict (jti) do nothing")
  void revoke(UUID jti, UUID userId, Instant expiresAt);

  @SqlUpdate("delete from revoked_access_tokens where expires_at < now()")
  int forgetExpired();
}
