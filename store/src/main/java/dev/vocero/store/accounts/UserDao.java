package dev.vocero.store.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(UserRow.class)
public interface UserDao {
  String COLUMNS = "id, org_id, email, name, role, password_hash, active, created_at";

  @SqlUpdate("insert into users (id, org_id, email, name, role, password_hash, active)"
      + " values (:id, :orgId, :email, :name, :role, :passwordHash, :active)")
  void insert(@BindMethods UserRow user);

  /** Login looks a user up by e-mail before the organization is known: the one query without org_id. */
  @SqlQuery("select " + COLUMNS + " from users where lower(email) = lower(:email)")
  Optional<UserRow> findByEmailForLogin(String email);

  @SqlQuery("select " + COLUMNS + " from users where org_id = :orgId and id = :id")
  Optional<UserRow> find(UUID orgId, UUID id);

  @SqlQuery("select " + COLUMNS + " from users where org_id = :orgId order by created_at, id")
  List<UserRow> list(UUID orgId);

  @SqlUpdate("update users set role = :role, active = :active where org_id = :orgId and id = :id")
  int update(UUID orgId, UUID id, String role, boolean active);

  @SqlQuery("select count(*) from users where org_id = :orgId and role = 'admin' and active")
  int countActiveAdmins(UUID orgId);
}
