package dev.vocero.store.messaging;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** One row per organisation; none means automatic replies are off. */
@RegisterConstructorMapper(AutoReplySettings.class)
public interface AutoReplyDao {

  @SqlQuery("select org_id, enabled, instructions, history_messages, max_replies_per_day,"
      + " handoff_keywords::text as handoff_keywords, updated_by, updated_at from auto_reply_settings"
      + " where org_id = :orgId")
  Optional<AutoReplySettings> find(UUID orgId);

  default AutoReplySettings get(UUID orgId) {
    return find(orgId).orElseGet(() -> AutoReplySettings.defaults(orgId));
  }

  @SqlUpdate("insert into auto_reply_settings (org_id, enabled, instructions, history_messages, max_replies_per_day,"
      + " handoff_keywords, updated_by) values (:orgId, :enabled, :instructions, :historyMessages, :maxRepliesPerDay,"
      + " cast(:handoffKeywords as jsonb), :updatedBy) on conflict (org_id) do update set enabled = excluded.enabled,"
      + " instructions = excluded.instructions, history_messages = excluded.history_messages,"
      + " max_replies_per_day = excluded.max_replies_per_day, handoff_keywords = excluded.handoff_keywords,"
      + " updated_by = excluded.updated_by, updated_at = now()")
  void save(UUID orgId, boolean enabled, String instructions, int historyMessages, int maxRepliesPerDay,
      String handoffKeywords, UUID updatedBy);

  /** Whether the webhook should start a reply workflow at all (the workflow checks everything again). */
  @SqlQuery("select coalesce((select enabled from auto_reply_settings where org_id = :orgId), false)")
  boolean enabled(UUID orgId);
}
