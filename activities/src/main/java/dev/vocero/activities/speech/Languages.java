package dev.vocero.activities.speech;

import java.util.Locale;
import java.util.Map;

/** Maps language names that providers return ("spanish") to ISO-639-1 codes ("es"). */
final class Languages {

  private static final Map<String, String> BY_NAME = Map.ofEntries(
      Map.entry("spanish", "es"), Map.entry("castilian", "es"), Map.entry("english", "en"),
      Map.entry("portuguese", "pt"), Map.entry("french", "fr"), Map.entry("german", "de"),
      Map.entry("italian", "it"), Map.entry("catalan", "ca"), Map.entry("valencian", "ca"),
      Map.entry("galician", "gl"), Map.entry("basque", "eu"), Map.entry("dutch", "nl"),
      Map.entry("russian", "ru"), Map.entry("ukrainian", "uk"), Map.entry("polish", "pl"),
      Map.entry("romanian", "ro"), Map.entry("chinese", "zh"), Map.entry("japanese", "ja"),
      Map.entry("korean", "ko"), Map.entry("arabic", "ar"), Map.entry("hindi", "hi"),
      Map.entry("turkish", "tr"));

  private Languages() {
  }

  /** Lowercase ISO-639-1 code for a known name, else the trimmed lowercase input; null for null/blank. */
  static String normalize(String language) {
    if (language == null || language.isBlank()) {
      return null;
    }
    String value = language.trim().toLowerCase(Locale.ROOT);
    return BY_NAME.getOrDefault(value, value);
  }

  /** The first non-blank of hint and configured default, normalised. */
  static String pick(String hint, String configured) {
    String hinted = normalize(hint);
    return hinted != null ? hinted : normalize(configured);
  }
}
