package dev.vocero.domain.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneParserTest {

  @ParameterizedTest(name = "{1} in {0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "CO | +57 300 123 4567 | +573001234567", "CO | 300-123-4567 | +573001234567",
      "CO | 573001234567 | +573001234567", "US | (415) 555-0100 | +14155550100",
      "ES | 0034 612 345 678 | +34612345678", "CO | 0034 612 345 678 | +34612345678",
      "CO | +1 415 555 0100 ext 12 | +14155550100", "CO | 300 123 4567 ext. 5 | +573001234567",
      "MX | +52 1 55 1234 5678 | +525512345678", "MX | 55 1234 5678 | +525512345678",
      "CL | 9 6123 4567 | +56961234567"})
  void givenNumbersAsPeopleTypeThem_itShouldGiveE164(String region, String text, String expected) {
    PhoneParser parser = new PhoneParser(region);
    PhoneNumber number = parser.parse(text);

    assertEquals(expected, number == null ? null : parser.e164(number));
  }

  @ParameterizedTest(name = "{1} in {0}")
  @CsvSource(delimiter = '|', value = {"CO | 12345", "CO | (415) 555-0100", "CO | N/A", "CO | sin número",
      "US | 555-0100"})
  void givenTextThatIsNoValidNumber_itShouldGiveNull(String region, String text) {
    assertNull(new PhoneParser(region).parse(text));
  }
}
