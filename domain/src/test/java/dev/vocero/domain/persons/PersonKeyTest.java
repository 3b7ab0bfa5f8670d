package dev.vocero.domain.persons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonKeyTest {

  @Test
  void givenOneRutWrittenTwoWays_itShouldBeOnePerson() {
    PersonKey dotted = PersonKey.of("12.345.678-5", Map.of()).orElseThrow();
    assertEquals(PersonKey.Kind.DOCUMENT, dotted.kind());
    assertEquals(dotted, PersonKey.of("123456785", Map.of()).orElseThrow());
    assertEquals(dotted, PersonKey.of(" 012345678-5 ", Map.of()).orElseThrow());
    assertNotEquals(dotted, PersonKey.of("12.345.679-3", Map.of()).orElseThrow());
  }

  @Test
  void givenDocumentsThatCannotIdentifySomeone_itShouldNotUseThem() {
    for (String weak : new String[] {"1234", "XXX-XX-1234", "***-**-1234", "111111", "", "  ", "abc#12345"}) {
      assertEquals(Optional.empty(), PersonKey.documentId(weak), weak);
    }
    assertEquals(Optional.of("X1234567L"), PersonKey.documentId("x1234567-l")); // a Spanish NIE
    assertEquals(Optional.of("GODE561231HDFRRN09"), PersonKey.documentId("GODE561231HDFRRN09")); // a CURP
  }

  @Test
  void givenNoDocument_itShouldUseAnAccountKeyColumnElseTheRow() {
    PersonKey account = PersonKey.of(null, Map.of("Número de cuenta", "A-77")).orElseThrow();
    assertEquals(PersonKey.Kind.KEY, account.kind());
    assertEquals(account, PersonKey.of("1234", Map.of("numero_de_cuenta", "A-77")).orElseThrow());
    assertTrue(PersonKey.of(null, Map.of("producto", "A-77")).isEmpty());
    assertTrue(PersonKey.of(null, Map.of("cuenta", " ")).isEmpty());
  }
}
