package dev.vocero.api.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutKeywordsTest {

  @ParameterizedTest
  @ValueSource(strings = {"STOP", "stop", " Stop. ", "STOPALL", "unsubscribe", "Cancel", "END", "quit", "Baja", "BAJA!",
      "alto", "Parar", "cancelar", "CANCELÁR", "bája", "\tSTOP\n", "¡Baja!"})
  void givenAWholeMessageKeyword_itShouldOptOut(String body) {
    assertTrue(OptOutKeywords.optOut(body), body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "stop calling me at night", "quiero darme de baja mañana", "Gracias", "STOPP", "S T O P X",
      "ok"})
  void givenAnythingElse_itShouldNotOptOut(String body) {
    assertFalse(OptOutKeywords.optOut(body), body);
  }
}
