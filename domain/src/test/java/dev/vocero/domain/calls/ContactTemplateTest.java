package dev.vocero.domain.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactTemplateTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void givenAContact_whenReadingItsVariables_itShouldListExtraColumnsThenTheFixedOnes() {
    Map<String, String> vars = ContactTemplate.variables("{\"plan\":\"oro\",\"cuotas\":3}", "Ana", new BigDecimal("1500.50"),
        LocalDate.of(2026, 12, 31), "CC123", json);

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("plan", "oro");
    expected.put("cuotas", "3");
    expected.put("name", "Ana");
    expected.put("amount", "1500.50");
    expected.put("due_date", "2026-12-31");
    expected.put("document", "CC123");
    assertEquals(expected, vars);
    assertEquals(expected.keySet().stream().toList(), vars.keySet().stream().toList());
  }

  @Test
  void givenMissingFields_whenReadingVariables_itShouldGiveEmptyText() {
    Map<String, String> vars = ContactTemplate.variables(null, null, null, null, null, json);

    assertEquals(Map.of("name", "", "amount", "", "due_date", "", "document", ""), vars);
  }

  @Test
  void givenPlaceholders_whenRendering_itShouldFillKnownOnesAndEmptyUnknownOnes() {
    String text = ContactTemplate.render("Hola {{ name }}, debes {{amount}} antes del {{due_date}}{{ nada }}.",
        Map.of("name", "Ana", "amount", "$1.500", "due_date", "31/12"));

    assertEquals("Hola Ana, debes $1.500 antes del 31/12.", text);
  }

  @Test
  void givenAValueWithDollarSigns_whenRendering_itShouldKeepThemLiteral() {
    assertEquals("total $5 \\o/", ContactTemplate.render("total {{x}}", Map.of("x", "$5 \\o/")));
  }
}
