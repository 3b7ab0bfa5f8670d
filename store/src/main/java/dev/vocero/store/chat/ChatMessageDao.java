package dev.vocero.store.chat;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterConstructorMapper(ChatMessageRow.class)
public interface ChatMessageDao {
  String COLUMNS = "id, conversation_id, turn, role, content, citations::text as citations, model_used, provider, created_at";

  /** Stores a turn's question and answer together; a retried write of the same turn changes nothing. */
  @Transaction
  default boolean recordTurn(UUID orgId, UUID conversationId, int turn, String question, String answer,
      String citationsJson, boolean modelUsed, String provider) {
    int inserted = insert(orgId, conversationId, turn, "user", question, "[]", null, null);
    if (inserted == 0) {
      return false;
    }
    insert(orgId, conversationId, turn, "assistant", answer, citationsJson, modelUsed, provider);
    touch(orgId, conversationId);
    return true;
  }

  @SqlUpdate("insert into chat_messages (org_id, conversation_id, turn, role, content, citations, model_used, provider)"
      + " select :orgId, c.id, :turn, :role, :content, cast(:citations as jsonb), :modelUsed, :provider"
      + " from conversations c where c.org_id = :orgId and c.id = :conversationId"
      + " on conflict (conversation_id, turn, role) do nothing")
  int insert(UUID orgId, UUID conversationId, int turn, String role, String content, String citations, Boolean modelUsed,
      String provider);

  @SqlUpdate("update conversations set updated_at = now() where org_id = :orgId and id = :conversationId")
  int touch(UUID orgId, UUID conversationId);

  @SqlQuery("select " + COLUMNS + " from chat_messages where org_id = :orgId and conversation_id = :conversationId"
      + " order by turn, case role when 'user' then 0 else 1 end")
  List<ChatMessageRow> list(UUID orgId, UUID conversationId);

  /** The last {@code turns} turns (both messages each), oldest first: the memory a restarted chat begins with. */
  @SqlQuery("select " + COLUMNS + " from chat_messages where org_id = :orgId and conversation_id = :conversationId"
      + " and turn > (select coalesce(max(turn), 0) from chat_messages where org_id = :orgId"
      + " and conversation_id = :conversationId) - :turns"
      + " order by turn, case role when 'user' then 0 else 1 end")
  List<ChatMessageRow> lastTurns(UUID orgId, UUID conversationId, int turns);

  @SqlQuery("select coalesce(max(turn), 0) from chat_messages where org_id = :orgId and conversation_id = :conversationId")
  int lastTurn(UUID orgId, UUID conversationId);
}
