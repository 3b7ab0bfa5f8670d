package dev.vocero.activities.messaging;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;

/** Words by which a customer asks for a person: matched as whole words, ignoring case, accents and punctuation. */
public final class HandoffKeywords {
  private HandoffKeywords() {}

  /** "Quiero hablar con un ASESÓR!" matches "asesor"; "asesoría" does not; "hablar con alguien" matches as a phrase. */
  public static boolean matches(String body, Collection<String> keywords) {
    if (body == null || body.isBlank()) {
      return false;
    }
    String text = " " + fold(body) + " ";
    for (String keyword : keywords) {
      String word = fold(keyword);
      if (!word.isEmpty() && text.contains(" " + word + " ")) {
        return true;
      }
    }
    return false;
  }

  static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replaceAll("[^\\p{L}\\p{N}]+", " ").trim().toLowerCase(Locale.ROOT);
  }
}
