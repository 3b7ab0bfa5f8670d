package dev.vocero.store.extraction;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** An organization's extractors; a read without a version gives the latest one. */
@RegisterConstructorMapper(ExtractorRow.class)
public interface ExtractorDao {
  String SELECT = "select e.id, e.org_id, e.name, e.enabled, v.version,"
      + " (select max(version) from extractor_versions where extractor_id = e.id) as latest_version,"
      + " v.description, v.instructions, v.json_schema::text as json_schema, v.created_at, e.updated_at"
      + " from extractors e join extractor_versions v on v.extractor_id = e.id";
  String LATEST = " v.version = (select max(version) from extractor_versions where extractor_id = e.id)";

  @SqlQuery(SELECT + " where e.org_id = :orgId and" + LATEST + " order by e.name")
  List<ExtractorRow> list(UUID orgId);

  @SqlQuery(SELECT + " where e.org_id = :orgId and e.enabled and" + LATEST + " order by e.name")
  List<ExtractorRow> listEnabled(UUID orgId);

  @SqlQuery(SELECT + " where e.org_id = :orgId and e.name = :name and" + LATEST)
  Optional<ExtractorRow> find(UUID orgId, String name);

  @SqlQuery(SELECT + " where e.org_id = :orgId and e.name = :name and v.version = :version")
  Optional<ExtractorRow> findVersion(UUID orgId, String name, int version);

  @SqlQuery(SELECT + " where e.org_id = :orgId and e.name = :name order by v.version")
  List<ExtractorRow> versions(UUID orgId, String name);

  @SqlQuery("select count(*) from extractors where org_id = :orgId")
  int count(UUID orgId);

  @SqlQuery("insert into extractors (org_id, name) values (:orgId, :name) on conflict (org_id, name) do nothing"
      + " returning id")
  Optional<Long> insertExtractor(UUID orgId, String name);

  @SqlQuery("select id from extractors where org_id = :orgId and name = :name for update")
  Optional<Long> lockExtractor(UUID orgId, String name);

  @SqlUpdate("insert into extractor_versions (extractor_id, version, description, instructions, json_schema, created_by)"
      + " values (:extractorId, (select coalesce(max(version), 0) + 1 from extractor_versions"
      + " where extractor_id = :extractorId), :description, :instructions, cast(:jsonSchema as jsonb), :createdBy)")
  void insertVersion(long extractorId, String description, String instructions, String jsonSchema, UUID createdBy);

  @SqlUpdate("update extractors set enabled = :enabled, updated_at = now() where org_id = :orgId and name = :name")
  int setEnabled(UUID orgId, String name, boolean enabled);

  @SqlUpdate("update extractors set updated_at = now() where id = :id")
  void touch(long id);

  /** A new extractor at version 1; empty when the organization already has one with that name. */
  @Transaction
  default Optional<ExtractorRow> create(UUID orgId, String name, String description, String instructions,
      String jsonSchema, UUID createdBy) {
    Optional<Long> id = insertExtractor(orgId, name);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    insertVersion(id.get(), description, instructions, jsonSchema, createdBy);
    return find(orgId, name);
  }

  /** The next version of an existing extractor; empty when the organization has none with that name. */
  @Transaction
  default Optional<ExtractorRow> addVersion(UUID orgId, String name, String description, String instructions,
      String jsonSchema, UUID createdBy) {
    Optional<Long> id = lockExtractor(orgId, name);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    insertVersion(id.get(), description, instructions, jsonSchema, createdBy);
    touch(id.get());
    return find(orgId, name);
  }
}
