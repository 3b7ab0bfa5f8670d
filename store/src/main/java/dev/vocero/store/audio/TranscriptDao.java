package dev.vocero.store.audio;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterConstructorMapper(SegmentRow.class)
public interface TranscriptDao {

  @SqlQuery("select idx, start_ms, end_ms, speaker, text, confidence from transcript_segments"
      + " where org_id = :orgId and audio_id = :audioId order by idx")
  List<SegmentRow> list(UUID orgId, UUID audioId);

  @SqlQuery("select count(*) from transcript_segments where org_id = :orgId and audio_id = :audioId")
  int count(UUID orgId, UUID audioId);

  /** Replaces the whole transcript in one transaction, so a retried activity never leaves a mix. */
  @Transaction
  default void replace(UUID orgId, UUID audioId, List<SegmentRow> segments) {
    deleteAll(orgId, audioId);
    if (!segments.isEmpty()) {
      insertAll(orgId, audioId, segments);
    }
  }

  @SqlUpdate("delete from transcript_segments where org_id = :orgId and audio_id = :audioId")
  int deleteAll(UUID orgId, UUID audioId);

  @SqlBatch("insert into transcript_segments (audio_id, org_id, idx, start_ms, end_ms, speaker, text, confidence)"
      + " values (:audioId, :orgId, :s.idx, :s.startMs, :s.endMs, :s.speaker, :s.text, :s.confidence)")
  void insertAll(UUID orgId, UUID audioId, @BindMethods("s") List<SegmentRow> segments);
}
