package dev.vocero.activities.opportunities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.audio.KeywordRow;
import dev.vocero.store.audio.OpportunityRow;
import dev.vocero.store.audio.SegmentRow;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpportunityMatcherTest {
  private final OpportunityMatcher matcher = new OpportunityMatcher();

  private static KeywordRow keyword(String keyword, String topic, String priority, String... variants) {
    return new KeywordRow(1, UUID.randomUUID(), keyword, topic, priority, List.of(variants), "es", null, null);
  }

  private static SegmentRow segment(int idx, long startMs, String text) {
    return new SegmentRow(idx, startMs, startMs + 1000, null, text, null);
  }

  private List<String> matched(List<KeywordRow> keywords, String... texts) {
    List<SegmentRow> segments = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      segments.add(segment(i, i * 1000L, texts[i]));
    }
    return matcher.match(keywords, segments).stream().map(OpportunityRow::matchedText).toList();
  }

  @Test
  void givenAccentsAndCase_itShouldMatchEitherWayAndKeepTheOriginalSpelling() {
    List<KeywordRow> keywords = List.of(keyword("tarjeta de crédito", "upsell", "medium"),
        keyword("año", "renewal", "low"));

    assertEquals(List.of("TARJETA DE CREDITO"), matched(keywords, "quiero la TARJETA DE CREDITO ya"));
    assertEquals(List.of("Tarjeta de Crédito"), matched(keywords, "la Tarjeta de Crédito, por favor"));
    assertEquals(List.of("AÑO", "año"), matched(keywords, "el próximo AÑO", "este año no"));
  }

  @Test
  void givenAKeywordInsideAnotherWord_itShouldNotMatch() {
    List<KeywordRow> keywords = List.of(keyword("pago", "payment_promise", "high"));

    assertEquals(List.of(), matched(keywords, "se apagó la luz", "los pagos", "impago"));
    assertEquals(List.of("pago", "Pago"), matched(keywords, "hago el pago mañana", "Pago."));
  }

  @Test
  void givenMultiWordKeywords_itShouldMatchAcrossSpacesAndPunctuation() {
    List<KeywordRow> keywords = List.of(keyword("tarjeta de crédito", "upsell", "medium"),
        keyword("call me back", "callback_request", "medium"));

    assertEquals(List.of("tarjeta  de\tcrédito", "tarjeta, de crédito", "call me, back"),
        matched(keywords, "una tarjeta  de\tcrédito", "la tarjeta, de crédito", "please call me, back"));
    assertEquals(List.of(), matched(keywords, "tarjeta de débito", "recall me back"));
  }

  @Test
  void givenVariants_itShouldReportTheDictionaryKeywordAndPreferTheLongestTerm() {
    KeywordRow pagar = keyword("pagar", "payment_promise", "high", "pago", "pagaré", "abonar", "pago total");
    List<OpportunityRow> found = matcher.match(List.of(pagar),
        List.of(segment(0, 0, "Le PAGARÉ el viernes, o hago el pago total y luego abono"),
            segment(1, 1000, "voy a abonar")));

    assertEquals(List.of("PAGARÉ", "pago total", "abonar"), found.stream().map(OpportunityRow::matchedText).toList());
    assertTrue(found.stream().allMatch(o -> o.keyword().equals("pagar") && o.topic().equals("payment_promise")
        && o.priority().equals("high")));
  }

  @Test
  void givenSeveralMatchesInOneSegment_itShouldReturnThemInTextOrderWithTheirContext() {
    List<KeywordRow> keywords = List.of(keyword("cancelar", "cancellation_risk", "high", "dar de baja"),
        keyword("abogado", "legal_threat", "high"));
    List<OpportunityRow> found = matcher.match(keywords,
        List.of(segment(3, 9000, "Si no lo arreglan voy a cancelar todo y llamar a mi abogado hoy.")));

    assertEquals(2, found.size());
    OpportunityRow cancel = found.get(0);
    assertEquals("cancelar", cancel.matchedText());
    assertEquals("Si no lo arreglan voy a", cancel.textBefore());
    assertEquals("todo y llamar a mi abogado hoy.", cancel.textAfter());
    assertEquals(3, cancel.segmentIdx());
    assertEquals(9000, cancel.startMs());
    assertEquals(10000, cancel.endMs());
    OpportunityRow lawyer = found.get(1);
    assertEquals("abogado", lawyer.keyword());
    assertEquals("voy a cancelar todo y llamar a mi", lawyer.textBefore());
    assertEquals("hoy.", lawyer.textAfter());
  }

  @Test
  void givenAMatchAtTheEdgeOfASegment_itShouldBorrowContextFromTheNeighbours() {
    List<KeywordRow> keywords = List.of(keyword("me interesa", "purchase_intent", "medium"));
    List<OpportunityRow> found = new OpportunityMatcher(3).match(keywords, List.of(
        segment(1, 5000, "sí, me interesa"),
        segment(0, 0, "le cuento la oferta de fibra"),
        segment(2, 9000, "cuánto cuesta al mes")));

    assertEquals(1, found.size());
    assertEquals("de fibra sí,", found.get(0).textBefore());
    assertEquals("cuánto cuesta al", found.get(0).textAfter());
  }

  @Test
  void givenSegmentsOutOfOrder_itShouldOrderOpportunitiesByTime() {
    List<KeywordRow> keywords = List.of(keyword("queja", "complaint", "medium", "reclamo"),
        keyword("lawyer", "legal_threat", "high"));
    List<OpportunityRow> found = matcher.match(keywords, List.of(
        segment(2, 20_000, "my lawyer will call"),
        segment(0, 0, "tengo un reclamo"),
        segment(1, 10_000, "y otra queja")));

    assertEquals(List.of(0L, 10_000L, 20_000L), found.stream().map(OpportunityRow::startMs).toList());
    assertEquals(List.of("queja", "queja", "lawyer"), found.stream().map(OpportunityRow::keyword).toList());
  }

  @Test
  void givenAPhraseInsideALongerKeyword_itShouldKeepOnlyTheMoreSpecificOne() {
    List<KeywordRow> keywords = List.of(keyword("me interesa", "purchase_intent", "medium"),
        keyword("no me interesa", "not_interested", "low"),
        keyword("interesa", "noise", "low"));
    List<OpportunityRow> found = matcher.match(keywords,
        List.of(segment(0, 0, "No me interesa, pero a él sí le interesa"), segment(1, 1000, "me interesa")));

    assertEquals(List.of("not_interested", "noise", "purchase_intent"),
        found.stream().map(OpportunityRow::topic).toList());
  }

  @Test
  void givenNoDictionaryOrBlankTerms_itShouldFindNothing() {
    assertEquals(List.of(), matched(List.of(), "quiero pagar"));
    assertEquals(List.of(), matched(List.of(keyword("¡!", "noise", "low", "", " ")), "¡! hola"));
  }
}
