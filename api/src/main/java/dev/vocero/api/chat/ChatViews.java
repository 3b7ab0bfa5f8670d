package dev.vocero.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.chat.ChatMessageRow;
import dev.vocero.store.chat.ConversationRow;
import dev.vocero.workflows.chat.ChatAnswer;
import dev.vocero.workflows.chat.Citation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of /api/v1/chat. */
public final class ChatViews {
  private ChatViews() {}

  public record Conversation(UUID id, String title, List<UUID> audioIds, UUID createdBy, Instant createdAt,
      Instant updatedAt) {
    static Conversation of(ConversationRow c) {
      return new Conversation(c.id(), c.title(), c.audioIds(), c.createdBy(), c.createdAt(), c.updatedAt());
    }
  }


  /** A citation as clients see it; {@code start}/{@code end} are mm:ss for display. */
  public record Source(UUID audioId, int segmentIndex, long startMs, long endMs, String label, String quote) {
    static Source of(Citation c) {
      return new Source(c.audioId(), c.segmentIdx(), c.startMs(), c.endMs(), c.label(), c.quote());
    }
  }

  public record Answer(UUID conversationId, int turn, String answer, List<Source> citations, boolean modelUsed,
      String provider) {
    static Answer of(UUID conversationId, ChatAnswer a) {
      return new Answer(conversationId, a.turn(), a.answer(), a.citations().stream().map(Source::of).toList(),
          a.modelUsed(), a.provider());
    }
  }

  /** One stored message; {@code citations} as stored (the same fields as {@link Source}, from the workflow record). */
  public record Message(int turn, String role, String content, JsonNode citations, Boolean modelUsed, String provider,
      Instant createdAt) {
    static Message of(ChatMessageRow m, JsonNode citations) {
      return new Message(m.turn(), m.role(), m.content(), citations, m.modelUsed(), m.provider(), m.createdAt());
    }
  }
}
