package dev.vocero.store.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The numbers each organization calls and messages from (see V17). */
public interface OrganizationNumberDao {

  /** 1 when added, 0 when the number is already this organization's; another organization's number is not taken. */
  @SqlUpdate("insert into organization_numbers (number, org_id) values (:number, :orgId)"
      + " on conflict (number) do nothing")
  int add(UUID orgId, String number);

  @SqlQuery("select org_id from organization_numbers where number = :number")
  Optional<UUID> owner(String number);

  @SqlUpdate("delete from organization_numbers where org_id = :orgId and number = :number")
  int remove(UUID orgId, String number);

  @SqlQuery("select number from organization_numbers where org_id = :orgId order by created_at, number")
  List<String> numbers(UUID orgId);

  /** The number the organization sends from: its first, or empty for the platform's shared default. */
  @SqlQuery("select number from organization_numbers where org_id = :orgId order by created_at, number limit 1")
  Optional<String> sender(UUID orgId);
}
