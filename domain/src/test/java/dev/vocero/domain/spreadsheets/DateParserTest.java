package dev.vocero.domain.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {"2024-03-15 | 2024-03-15", "2024-03-15T10:30:00 | 2024-03-15",
      "15/03/2024 | 2024-03-15", "5-3-2024 | 2024-03-05", "05/03/2024 | 2024-03-05", "15.03.24 | 2024-03-15",
      "15/03/2024 00:00:00 | 2024-03-15", "2024/3/5 | 2024-03-05", "29/02/2024 | 2024-02-29"})
  void givenIsoOrDayFirstDates_itShouldReadThem(String text, LocalDate expected) {
    assertEquals(expected, DateParser.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"03/15/2024", "31/04/2024", "29/02/2023", "15 de marzo de 2024", "45366", "mañana", ""})
  void givenMonthFirstImpossibleOrWordyDates_itShouldRefuseThem(String text) {
    assertNull(DateParser.parse(text));
  }
}
