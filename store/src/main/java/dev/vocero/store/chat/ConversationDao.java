package dev.vocero.store.chat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ConversationRow.class)
public interface ConversationDao {
  String COLUMNS = "id, org_id, title, audio_ids, created_by, created_at, updated_at";

  @SqlUpdate("insert into conversations (id, org_id, title, audio_ids, created_by)"
      + " values (:id, :orgId, :title, :audioIds, :createdBy)")
  void insert(UUID id, UUID orgId, String title, List<UUID> audioIds, UUID createdBy);

  @SqlQuery("select " + COLUMNS + " from conversations where org_id = :orgId and id = :id")
  Optional<ConversationRow> find(UUID orgId, UUID id);

  @SqlQuery("select " + COLUMNS + " from conversations where org_id = :orgId"
      + " order by updated_at desc, id limit :limit offset :offset")
  List<ConversationRow> list(UUID orgId, int limit, int offset);

  @SqlQuery("select count(*) from conversations where org_id = :orgId")
  long count(UUID orgId);

  @SqlUpdate("update conversations set updated_at = now() where org_id = :orgId and id = :id")
  int touch(UUID orgId, UUID id);

  /** How many of these audio ids belong to the organization (scope validation). */
  @SqlQuery("select count(*) from audios where org_id = :orgId and id = any(:audioIds)")
  int countAudios(UUID orgId, List<UUID> audioIds);
}
