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

  /** Every organization, for the platform's operators (not filtered by organization on purpose). */
  @SqlQuery("select id, name, created_at from organizations order by created_at, id limit :limit offset :offset")
  java.util.List<OrganizationRow> page(int limit, long offset);

  @SqlQuery("select pii_redaction, pii_phone_region from organizations where id = :id")
  @RegisterConstructorMapper(PrivacySettings.class)
  Optional<PrivacySettings> privacy(UUID id);

  @SqlUpdate("update organizations set pii_redaction = :piiRedaction, pii_phone_region = :piiPhoneRegion"
      + " where id = :id")
  int updatePrivacy(UUID id, boolean piiRedaction, String piiPhoneRegion);

  /** The default contact limits of its CUSTOM batches (JSON), empty text when it has none. */
  @SqlQuery("select coalesce(custom_contact_policy::text, '') from organizations where id = :id")
  Optional<String> customContactPolicy(UUID id);

  @SqlUpdate("update organizations set custom_contact_policy = cast(:policy as jsonb) where id = :id")
  int setCustomContactPolicy(UUID id, String policy);
}
