package dev.vocero.store.audio;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterConstructorMapper(OpportunityRow.class)
public interface OpportunityDao {

  @SqlQuery("select id, keyword, matched_text, topic, priority, segment_idx, start_ms, end_ms, text_before, text_after"
      + " from opportunities where org_id = :orgId and audio_id = :audioId order by start_ms, id")
  List<OpportunityRow> list(UUID orgId, UUID audioId);

  /** Replaces every opportunity of the audio in one transaction (ids of the rows passed in are ignored). */
  @Transaction
  default void replace(UUID orgId, UUID audioId, List<OpportunityRow> found) {
    deleteAll(orgId, audioId);
    if (!found.isEmpty()) {
      insertAll(orgId, audioId, found);
    }
  }

  @SqlUpdate("delete from opportunities where org_id = :orgId and audio_id = :audioId")
  int deleteAll(UUID orgId, UUID audioId);

  @SqlBatch("insert into opportunities (org_id, audio_id, keyword, matched_text, topic, priority, segment_idx,"
      + " start_ms, end_ms, text_before, text_after) values (:orgId, :audioId, :o.keyword, :o.matchedText, :o.topic,"
      + " :o.priority, :o.segmentIdx, :o.startMs, :o.endMs, :o.textBefore, :o.textAfter)")
  void insertAll(UUID orgId, UUID audioId, @BindMethods("o") List<OpportunityRow> found);
}
