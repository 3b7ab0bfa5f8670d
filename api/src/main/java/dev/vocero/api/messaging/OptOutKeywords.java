package dev.vocero.api.messaging;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Replies that withdraw consent: the whole message is one keyword, ignoring case, accents, spaces and punctuation. */
public final class OptOutKeywords {
  static final Set<String> KEYWORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "BAJA", "ALTO",
      "PARAR", "CANCELAR");

  private OptOutKeywords() {}

  /** "Baja", " stop! ", "CANCELÁR" opt out; "stop calling me at night" does not. */
  public static boolean optOut(String body) {
    if (body == null) {
      return false;
    }
    String folded = Normalizer.normalize(body, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replaceAll("[\\p{P}\\p{S}\\s]", "").toUpperCase(Locale.ROOT);
    return KEYWORDS.contains(folded);
  }
}
