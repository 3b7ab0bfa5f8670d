package dev.vocero.store.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Signed-in console sessions, found by the SHA-256 of their cookie, with their holder as the holder stands now. */
@RegisterConstructorMapper(ConsoleSessionDao.Holder.class)
public interface ConsoleSessionDao {

  record Holder(UUID userId, UUID orgId, String email, String name, String role, boolean active, String csrfToken,
      Instant expiresAt) {}

  @SqlUpdate("insert into console_sessions (id_hash, user_id, org_id, csrf_token, expires_at)"
      + " values (:idHash, :userId, :orgId, :csrfToken, :expiresAt)")
  void insert(String idHash, UUID userId, UUID orgId, String csrfToken, Instant expiresAt);

  @SqlQuery("select u.id as user_id, u.org_id, u.email, u.name, u.role, u.active, s.csrf_token, s.expires_at"
      + " from console_sessions s join users u on u.id = s.user_id and u.org_id = s.org_id where s.id_hash = :idHash")
  Optional<Holder> holder(String idHash);

  @SqlUpdate("delete from console_sessions where id_hash = :idHash")
  int delete(String idHash);

  @SqlUpdate("delete from console_sessions where expires_at < now()")
  int forgetExpired();
}
