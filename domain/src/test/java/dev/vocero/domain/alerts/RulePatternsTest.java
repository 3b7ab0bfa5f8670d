package dev.vocero.domain.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RulePatternsTest {

  @Test
  void givenPatternsRe2CannotRunSafely_itShouldRefuseThemWithAReason() {
    assertTrue(assertThrows(InvalidRuleException.class, () -> SafeRegex.compile("(?<!no )pagar")).getMessage()
        .contains("look-behind"));
    assertTrue(assertThrows(InvalidRuleException.class, () -> SafeRegex.compile("((a{1000}){1000}){1000}"))
        .getMessage().contains("repeat"));
    assertThrows(InvalidRuleException.class, () -> SafeRegex.compile("(a{100}){100}"));
    assertThrows(InvalidRuleException.class, () -> SafeRegex.compile("a".repeat(501)));
    assertThrows(InvalidRuleException.class, () -> SafeRegex.compile("[unclosed"));
    assertThrows(InvalidRuleException.class, () -> RulePatterns.check("keyword", "¿?!"));
    SafeRegex.compile("a{1000}b{1000}[{]{2}\\{9999}");
  }

  @Test
  void repeatProduct_itShouldMultiplyOnlyNestedCounts() {
    assertEquals(1_000_000_000L, SafeRegex.repeatProduct("((a{1000}){1000}){1000}"));
    assertEquals(12, SafeRegex.repeatProduct("(x{3,4}y){2,3}z{5}"));
    assertEquals(1, SafeRegex.repeatProduct("(a+)+$"));
    assertEquals(1, SafeRegex.repeatProduct("[a{99}]\\{99}"));
  }

  @Test
  void givenAKeywordWithAccents_whenMatching_itShouldFindTheFoldedWholeWords() {
    assertTrue(RulePatterns.keyword("Cancelación  del-servicio").matcher("quiero la cancelacion del servicio ya").find());
    assertFalse(RulePatterns.keyword("abogado").matcher("abogados").find());
    assertNull(RulePatterns.keyword("¿?!"));
    assertNotNull(RulePatterns.keyword("pago"));
  }

  @Test
  void givenRulesOfEachKind_whenAskingForAProblem_itShouldNameItOrAnswerEmpty() {
    assertEquals(Optional.empty(), RulePatterns.problem("keyword", "abogado"));
    assertEquals(Optional.empty(), RulePatterns.problem("regex", "pag(o|ar)"));
    assertEquals(Optional.of("the keyword has no letters or digits to look for"), RulePatterns.problem("keyword", "!!"));
    assertTrue(RulePatterns.problem("regex", "[unclosed").isPresent());
    assertEquals(Optional.empty(), RulePatterns.problem("sentiment", null));
  }
}
