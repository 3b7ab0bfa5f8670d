package dev.vocero.store.audio;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AudioRow.class)
public interface AudioDao {
  String COLUMNS = "id, org_id, title, original_filename, content_type, size_bytes, sha256, blob_key,"
      + " requested_language, language, duration_ms, status, failure_reason, speech_provider, created_by,"
      + " created_at, updated_at, completed_at";

  @SqlUpdate("insert into audios (id, org_id, title, original_filename, content_type, size_bytes, sha256, blob_key,"
      + " requested_language, status, created_by) values (:id, :orgId, :title, :originalFilename, :contentType,"
      + " :sizeBytes, :sha256, :blobKey, :requestedLanguage, :status, :createdBy)")
  void insert(@BindMethods AudioRow audio);

  @SqlQuery("select " + COLUMNS + " from audios where org_id = :orgId and id = :id")
  Optional<AudioRow> find(UUID orgId, UUID id);

  /** The newest audio of the organization with these exact bytes (upload deduplication). */
  @SqlQuery("select " + COLUMNS + " from audios where org_id = :orgId and sha256 = :sha256"
      + " order by created_at desc limit 1")
  Optional<AudioRow> findBySha256(UUID orgId, String sha256);

  @SqlQuery("select " + COLUMNS + " from audios where org_id = :orgId"
      + " and (cast(:status as text) is null or status = :status)"
      + " order by created_at desc, id limit :limit offset :offset")
  List<AudioRow> list(UUID orgId, String status, int limit, int offset);

  @SqlQuery("select count(*) from audios where org_id = :orgId and (cast(:status as text) is null or status = :status)")
  long count(UUID orgId, String status);

  /** Terminal statuses stamp completed_at; a reprocess clears it and the old failure reason. */
  @SqlUpdate("update audios set status = :status, failure_reason = :failureReason, updated_at = now(),"
      + " completed_at = case when :status in ('completed', 'failed', 'cancelled') then now() else null end"
      + " where org_id = :orgId and id = :id")
  int updateStatus(UUID orgId, UUID id, String status, String failureReason);

  @SqlUpdate("update audios set requested_language = :language, updated_at = now() where org_id = :orgId and id = :id")
  int updateRequestedLanguage(UUID orgId, UUID id, String language);

  @SqlUpdate("update audios set language = :language, duration_ms = :durationMs, speech_provider = :provider,"
      + " updated_at = now() where org_id = :orgId and id = :id")
  int recordTranscription(UUID orgId, UUID id, String language, long durationMs, String provider);

  @SqlUpdate("delete from audios where org_id = :orgId and id = :id")
  int delete(UUID orgId, UUID id);

  /** How many audio rows still point at a blob (blobs are content-addressed and may be shared). */
  @SqlQuery("select count(*) from audios where blob_key = :blobKey")
  long countByBlobKey(String blobKey);

  /** Unfinished audios of every organization: used by {@code vocero dev} to restart their workflows. */
  @SqlQuery("select " + COLUMNS + " from audios where status in ('queued', 'transcribing', 'analyzing')"
      + " order by created_at limit :limit")
  List<AudioRow> listUnfinishedAllOrganizations(int limit);
}
