package dev.vocero.domain.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvDelimiterTest {

  @Test
  void givenSemicolonsWithDecimalCommas_itShouldPickTheSemicolon() {
    assertEquals(';', CsvDelimiter.detect("Nombre;Teléfono;Saldo\nAna;300;1.234,56\nLuis;301;2,5\n"));
  }

  @Test
  void givenCommasInsideQuotes_itShouldCountOnlyThoseOutside() {
    assertEquals(',', CsvDelimiter.detect("nombre,telefono,nota\n\"Pérez; Ana\",300,\"a;b;c;d\"\n"));
  }

  @Test
  void givenTabsAndPipes_itShouldPickTheOneThatRepeatsOnEveryLine() {
    assertEquals('\t', CsvDelimiter.detect("a\tb\tc\n1\t2\t3\n4\t5\t6\n"));
    assertEquals('|', CsvDelimiter.detect("a|b|c\n1|2|3\n"));
  }

  @Test
  void givenASingleColumn_itShouldDefaultToComma() {
    assertEquals(',', CsvDelimiter.detect("Teléfono\n3001234567\n"));
  }
}
