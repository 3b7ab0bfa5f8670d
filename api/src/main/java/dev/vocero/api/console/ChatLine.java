package dev.vocero.api.console;

import dev.vocero.api.chat.ChatViews;
import java.util.List;

/** One message of a conversation as the console shows it: a question, or an answer with its cited passages. */
public record ChatLine(int turn, boolean question, String content, List<ChatCitation> citations, boolean modelUsed) {

  static ChatLine of(ChatViews.Message m) {
    boolean question = "user".equals(m.role());
    return new ChatLine(m.turn(), question, m.content(), question ? List.of() : ChatCitation.of(m.citations()),
        Boolean.TRUE.equals(m.modelUsed()));
  }

  static List<ChatLine> of(String question, ChatViews.Answer a) {
    return List.of(new ChatLine(a.turn(), true, question, List.of(), false),
        new ChatLine(a.turn(), false, a.answer(), a.citations().stream().map(ChatCitation::of).toList(), a.modelUsed()));
  }
}
