package dev.vocero.store.calls;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transactional;

/** Audios made from call recordings: one per attempt, linked both ways. */
public interface CallRecordingDao extends Transactional<CallRecordingDao> {

  /** Effectively once: a second insert for the same id or attempt does nothing and returns 0. */
  @SqlUpdate("insert into audios (id, org_id, title, original_filename, content_type, size_bytes, sha256, blob_key,"
      + " requested_language, status, source, call_attempt_id) values (:id, :orgId, :title, :filename, :contentType,"
      + " :sizeBytes, :sha256, :blobKey, :language, 'queued', 'call', :attemptId) on conflict do nothing")
  int insertAudio(UUID id, UUID orgId, UUID attemptId, String title, String filename, String contentType, long sizeBytes,
      String sha256, String blobKey, String language);

  @SqlUpdate("update call_attempts set recording_url = :recordingUrl, audio_id = :audioId where org_id = :orgId and id = :attemptId")
  int link(UUID orgId, UUID attemptId, String recordingUrl, UUID audioId);

  /** The audio already made from this attempt's recording, if any. */
  @SqlQuery("select id from audios where org_id = :orgId and call_attempt_id = :attemptId")
  Optional<UUID> audioOf(UUID orgId, UUID attemptId);

  record AudioStatus(UUID id, String status) {}

  /** Processing statuses of these audios of the organization (for call listings). */
  @SqlQuery("select id, status from audios where org_id = :orgId and id in (<ids>)")
  @RegisterConstructorMapper(AudioStatus.class)
  List<AudioStatus> statuses(UUID orgId, @BindList(onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<UUID> ids);

  /** The batch's script language (es-MX…), the transcription hint for its calls. */
  @SqlQuery("select b.script_language from call_attempts a join call_batches b on b.id = a.batch_id"
      + " where a.org_id = :orgId and a.id = :attemptId")
  Optional<String> scriptLanguage(UUID orgId, UUID attemptId);
}
