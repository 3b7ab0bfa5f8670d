package dev.vocero.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.api.chat.ChatViews;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A passage an answer cites, as a link that opens the recording's page at that second on that transcript line. */
public record ChatCitation(UUID audioId, int segment, long startMs, String quote) {

  public static ChatCitation of(ChatViews.Source source) {
    return new ChatCitation(source.audioId(), source.segmentIndex(), source.startMs(), source.quote());
  }

  /** From a stored answer's citations (the workflow's record: {@code segmentIdx}); entries without an audio are left out. */
  public static List<ChatCitation> of(JsonNode stored) {
    List<ChatCitation> citations = new ArrayList<>();
    if (stored == null || !stored.isArray()) {
      return citations;
    }
    for (JsonNode c : stored) {
      UUID audioId = uuid(c.path("audioId").asText(null));
      if (audioId != null) {
        JsonNode index = c.has("segmentIdx") ? c.get("segmentIdx") : c.path("segmentIndex");
        citations.add(new ChatCitation(audioId, index.asInt(0), c.path("startMs").asLong(0), c.path("quote").asText("")));
      }
    }
    return citations;
  }

  public String seconds() {
    return java.math.BigDecimal.valueOf(startMs, 3).stripTrailingZeros().toPlainString();
  }

  public String href() {
    return "/recordings/" + audioId + "?t=" + seconds() + "&segment=" + segment;
  }

  private static UUID uuid(String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
