package dev.vocero.store.audio;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(KeywordRow.class)
public interface KeywordDao {
  String COLUMNS = "id, org_id, keyword, topic, priority, variants, language, created_at, updated_at";

  @SqlQuery("select " + COLUMNS + " from opportunity_keywords where org_id = :orgId order by topic, keyword")
  List<KeywordRow> list(UUID orgId);

  @SqlQuery("select " + COLUMNS + " from opportunity_keywords where org_id = :orgId and id = :id")
  Optional<KeywordRow> find(UUID orgId, long id);

  @SqlQuery("select exists (select 1 from opportunity_keywords where org_id = :orgId and lower(keyword) = lower(:keyword)"
      + " and id <> :exceptId)")
  boolean exists(UUID orgId, String keyword, long exceptId);

  @SqlUpdate("insert into opportunity_keywords (org_id, keyword, topic, priority, variants, language)"
      + " values (:orgId, :keyword, :topic, :priority, :variants, :language)")
  @GetGeneratedKeys("id")
  long insert(UUID orgId, String keyword, String topic, String priority, List<String> variants, String language);

  @SqlUpdate("update opportunity_keywords set keyword = :keyword, topic = :topic, priority = :priority,"
      + " variants = :variants, language = :language, updated_at = now() where org_id = :orgId and id = :id")
  int update(UUID orgId, long id, String keyword, String topic, String priority, List<String> variants, String language);

  @SqlUpdate("delete from opportunity_keywords where org_id = :orgId and id = :id")
  int delete(UUID orgId, long id);
}
