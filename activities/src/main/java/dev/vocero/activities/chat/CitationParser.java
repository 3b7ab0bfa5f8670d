package dev.vocero.activities.chat;

import dev.vocero.workflows.chat.ChatPassage;
import dev.vocero.workflows.chat.Citation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the labels an answer cites into citations; a label of no given passage is not a citation. */
final class CitationParser {
  private static final Pattern LABEL = Pattern.compile(
      "\\[\\s*([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\s*@\\s*(\\d{1,2}(?::\\d{2}){1,2})\\s*]");

  private CitationParser() {}

  static List<Citation> citations(String answer, List<ChatPassage> passages) {
    Map<String, ChatPassage> byLabel = new LinkedHashMap<>();
    passages.forEach(p -> byLabel.putIfAbsent(key(p.audioId().toString(), p.label()), p));
    Map<String, Citation> cited = new LinkedHashMap<>();
    Matcher m = LABEL.matcher(answer);
    while (m.find()) {
      String audio = m.group(1).toLowerCase(java.util.Locale.ROOT);
      ChatPassage passage = byLabel.get(audio + "@" + normalize(m.group(2)));
      if (passage != null) {
        cited.putIfAbsent(passage.label(), Citation.of(passage));
      }
    }
    return new ArrayList<>(cited.values());
  }

  private static String key(String audioId, String label) {
    return audioId + "@" + normalize(label.substring(label.indexOf('@') + 1, label.length() - 1).trim());
  }

  /** "1:05" and "01:05" name the same time. */
  private static String normalize(String clock) {
    String[] parts = clock.split(":");
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      out.append(out.length() == 0 ? "" : ":").append(Integer.parseInt(part));
    }
    return out.toString();
  }
}
