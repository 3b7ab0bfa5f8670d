package dev.vocero.activities.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffKeywordsTest {
  static final List<String> KEYWORDS = List.of("asesor", "humano", "Hablar con alguien");

  @Test
  void givenWordsInAnyCaseAccentOrPunctuation_itShouldMatchWholeWordsAndPhrasesOnly() {
    assertTrue(HandoffKeywords.matches("Quiero hablar con un ASESÓR!", KEYWORDS));
    assertTrue(HandoffKeywords.matches("¿humano?", KEYWORDS));
    assertTrue(HandoffKeywords.matches("necesito hablar  con alguien ya", KEYWORDS));
    assertFalse(HandoffKeywords.matches("gracias por la asesoría", KEYWORDS), "a longer word is not the keyword");
    assertFalse(HandoffKeywords.matches("", KEYWORDS));
    assertFalse(HandoffKeywords.matches("asesor", List.of("", "  ")), "blank keywords never match");
  }
}
