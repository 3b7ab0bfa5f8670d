package dev.vocero.domain.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "1.234,56 | 1234.56", "1,234.56 | 1234.56", "$ 1.234 | 1234", "1.234.567 | 1234567", "1,234,567 | 1234567",
      "1.234.567,89 | 1234567.89", "1234,5 | 1234.5", "12.50 | 12.50", "0,500 | 0.500", "1234.567 | 1234.567",
      "COP 1 234 567 | 1234567", "1.234,56 € | 1234.56", "US$ 99.90 | 99.90", "-$1.234 | -1234", "$-1.234 | -1234",
      "(500) | -500", "350000 | 350000", "250 MXN | 250", "1'234.50 | 1234.50"})
  void givenAmountsInEitherConvention_itShouldReadTheirValue(String text, String expected) {
    assertEquals(new BigDecimal(expected), AmountParser.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "mil pesos", "12abc", "1.2.3", "1,23,456.00", "1.234,", "--5", "-$-5", "$", "",
      "1.23.456", "12 kg"})
  void givenGarbage_itShouldRefuseIt(String text) {
    assertNull(AmountParser.parse(text));
  }
}
