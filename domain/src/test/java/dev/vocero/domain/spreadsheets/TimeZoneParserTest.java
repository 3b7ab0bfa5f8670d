package dev.vocero.domain.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZoneParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {"America/Bogota | America/Bogota", " america/BOGOTA | America/Bogota",
      "Europe/Madrid | Europe/Madrid", "-05:00 | -05:00", "-0500 | -05:00", "GMT-5 | -05:00", "UTC+01:00 | +01:00",
      "UTC−3 | -03:00", "+05:30 | +05:30", "UTC | UTC", "GMT+0 | UTC"})
  void givenIanaIdsAndOffsets_itShouldNormaliseThem(String text, String expected) {
    assertEquals(expected, TimeZoneParser.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bogota", "Bogotá", "hora Colombia", "COT", "CST", "-25:00", "GMT-5:99", "America/Gotham"})
  void givenCityNamesAbbreviationsOrImpossibleOffsets_itShouldRefuseThem(String text) {
    assertNull(TimeZoneParser.parse(text));
  }
}
