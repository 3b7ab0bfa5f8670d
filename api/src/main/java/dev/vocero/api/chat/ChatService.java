package dev.vocero.api.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.chat.ChatMessageDao;
import dev.vocero.store.chat.ChatMessageRow;
import dev.vocero.store.chat.ConversationDao;
import dev.vocero.store.chat.ConversationRow;
import dev.vocero.workflows.chat.ChatLimits;
import dev.vocero.workflows.chat.ChatMemory;
import dev.vocero.workflows.chat.ChatTurn;
import dev.vocero.workflows.chat.ConversationInput;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Conversations over the organization's transcripts, for the REST API and the console alike. */
public class ChatService {
  private final Jdbi jdbi;
  private final ChatWorkflows workflows;
  private final ObjectMapper json;

  public ChatService(Jdbi jdbi, ChatWorkflows workflows, ObjectMapper json) {
    this.jdbi = jdbi;
    this.workflows = workflows;
    this.json = json;
  }

  /** {@code audioIds} empty: every audio of the organization; each one named must be the caller's. */
  public ChatViews.Conversation create(VoceroPrincipal caller, UUID id, String title, List<UUID> audioIds) {
    List<UUID> scope = audioIds == null ? List.of() : audioIds.stream().distinct().toList();
    String cleanTitle = title == null || title.isBlank() ? null : title.trim();
    ConversationRow row = jdbi.inTransaction(handle -> {
      ConversationDao dao = SharedDaos.attach(handle, ConversationDao.class);
      if (!scope.isEmpty() && dao.countAudios(caller.orgId(), scope) != scope.size()) {
        throw ApiException.unprocessable("unknown_audio",
            "audioIds must name audios of your organization; at least one of them does not exist.");
      }
      dao.insert(id, caller.orgId(), cleanTitle, scope, caller.userId());
      return dao.find(caller.orgId(), id).orElseThrow();
    });
    return ChatViews.Conversation.of(row);
  }

  public Page<ChatViews.Conversation> list(VoceroPrincipal caller, PageRequest page) {
    return SharedDaos.of(jdbi).with(ConversationDao.class, dao -> page.of(
        dao.list(caller.orgId(), page.pageSize(), page.offset()).stream().map(ChatViews.Conversation::of).toList(),
        dao.count(caller.orgId())));
  }

  /** The caller's conversation, or 404 (also for another organization's). */
  public ChatViews.Conversation get(VoceroPrincipal caller, UUID id) {
    return ChatViews.Conversation.of(find(caller, id));
  }

  public ChatViews.Answer ask(VoceroPrincipal caller, UUID id, String question) {
    ConversationRow conversation = find(caller, id);
    ConversationInput input = new ConversationInput(caller.orgId(), id, conversation.audioIds(), memory(caller, id), 0);
    return ChatViews.Answer.of(id, workflows.ask(input, question.strip()));
  }

  public List<ChatViews.Message> history(VoceroPrincipal caller, UUID id) {
    find(caller, id);
    return SharedDaos.of(jdbi).with(ChatMessageDao.class, dao -> dao.list(caller.orgId(), id)).stream()
        .map(m -> ChatViews.Message.of(m, citations(m))).toList();
  }

  /** What a conversation that is not running starts with: the last turns as stored. */
  private ChatMemory memory(VoceroPrincipal caller, UUID id) {
    return SharedDaos.of(jdbi).with(ChatMessageDao.class, dao -> {
      int turns = dao.lastTurn(caller.orgId(), id);
      List<ChatTurn> recent = new ArrayList<>();
      String question = null;
      for (ChatMessageRow m : dao.lastTurns(caller.orgId(), id, ChatLimits.RECENT_TURNS)) {
        if (m.role().equals("user")) {
          question = m.content();
        } else if (question != null) {
          recent.add(new ChatTurn(question, m.content()));
        }
      }
      return new ChatMemory(turns, "", recent);
    });
  }

  private ConversationRow find(VoceroPrincipal caller, UUID id) {
    return SharedDaos.of(jdbi).with(ConversationDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Conversation " + id));
  }

  private JsonNode citations(ChatMessageRow m) {
    try {
      return json.readTree(m.citations());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored citations of conversation " + m.conversationId() + " are not JSON", e);
    }
  }
}
