package dev.vocero.store.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermsTest {
  static final Terms QUESTION = new Terms(List.of("pag", "gimnasi", "client", "baj"), List.of(), "", "");

  @Test
  void givenTermCounts_itShouldOrderTheTermsRarestFirst() {
    Terms counted = QUESTION.withCounts(Map.of("pag", 501, "gimnasi", 393, "client", 0, "baj", 501)::get);
    assertEquals(List.of("client", "gimnasi", "baj", "pag"), counted.lexemes());
    assertEquals(List.of(0, 393, 501, 501), counted.segments());
  }

  @Test
  void givenABudget_itShouldTakeTheRarestTermsThatFitIt() {
    Terms counted = QUESTION.withCounts(Map.of("pag", 300, "gimnasi", 100, "client", 0, "baj", 250)::get);
    assertEquals(List.of("client", "gimnasi", "baj"), counted.rarest(500));
    assertEquals(List.of("client", "gimnasi", "baj", "pag"), counted.rarest(1_000));
  }

  @Test
  void givenOnlyCommonTerms_itShouldStillTakeTheRarestHeldOne() {
    Terms counted = QUESTION.withCounts(Map.of("pag", 900, "gimnasi", 700, "client", 0, "baj", 900)::get);
    assertEquals(List.of("client", "gimnasi"), counted.rarest(500));
  }

  @Test
  void givenARareTerm_itShouldFilterByAnyOfTheRareTermsOrAnyTwoHeldTerms() {
    Terms counted = QUESTION.withCounts(Map.of("pag", 900, "gimnasi", 300, "client", 0, "baj", 900)::get);
    assertEquals("'client' | 'gimnasi' | 'gimnasi' & 'baj' | 'gimnasi' & 'pag' | 'baj' & 'pag'", counted.filter(500, 4));
  }

  @Test
  void givenNoPairTerms_itShouldFilterAsBeforeByTheRareTermsAlone() {
    Terms counted = QUESTION.withCounts(Map.of("pag", 900, "gimnasi", 300, "client", 0, "baj", 900)::get);
    assertEquals("'client' | 'gimnasi'", counted.filter(500, 0));
  }

  @Test
  void givenMoreHeldTermsThanPairTerms_itShouldPairOnlyTheRarestOnes() {
    Terms five = new Terms(List.of("a", "b", "c", "d", "e"), List.of(), "", "")
        .withCounts(Map.of("a", 600, "b", 700, "c", 800, "d", 900, "e", 1_000)::get);
    assertEquals("'a' & 'b' | 'a' & 'c' | 'b' & 'c'", five.filter(500, 3));
  }

  @Test
  void givenOnlyCommonTerms_itShouldFilterByTwoOfTheThreeRarest() {
    Terms counted = QUESTION.withCounts(Map.of("pag", 1_000, "gimnasi", 700, "client", 0, "baj", 900)::get);
    assertEquals("'gimnasi' & 'baj' | 'gimnasi' & 'pag' | 'baj' & 'pag'", counted.filter(500, 4));
  }

  @Test
  void givenQuotesAndBackslashes_itShouldQuoteThemAsTsqueryInputWants() {
    assertEquals("'o''brien' | 'a\\\\b' | 'plan'", Terms.anyOf(List.of("o'brien", "a\\b", "plan")));
  }

  @Test
  void givenOnlyCommonTerms_itShouldWidenFromPairsToTheRarestToAnyTerm() {
    Terms counted = QUESTION.withCounts(Map.of("pag", 1_000, "gimnasi", 700, "client", 0, "baj", 900)::get);
    assertEquals(List.of("'gimnasi' & 'baj' | 'gimnasi' & 'pag' | 'baj' & 'pag'", "'client' | 'gimnasi'",
        "'client' | 'gimnasi' | 'baj' | 'pag'"), counted.passes(500, 4));
  }
}
