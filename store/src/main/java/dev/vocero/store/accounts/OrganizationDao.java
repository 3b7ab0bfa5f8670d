package dev.vocero.store.accounts;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OrganizationRow.class)
public interface OrganizationDao {

  @SqlUpdate("insert into organizations (id, name) values (:id, :name)")
  void insert(UUID id, String name);

  @SqlQuery("select id, name, created_at from organizations where id = :id")
  Optional<OrganizationRow> find(UUID id);
}
