package dev.vocero.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.domain.messaging.SmsSegments.Count;
import dev.vocero.domain.messaging.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

  @Test
  void givenGsmText_whenCounted_itShouldFit160SeptetsInOneSegmentAnd153PerSegmentBeyond() {
    assertEquals(new Count(Encoding.GSM7, 0, 1), SmsSegments.count(""));
    assertEquals(new Count(Encoding.GSM7, 160, 1), SmsSegments.count("a".repeat(160)));
    assertEquals(new Count(Encoding.GSM7, 161, 2), SmsSegments.count("a".repeat(161)));
    assertEquals(new Count(Encoding.GSM7, 306, 2), SmsSegments.count("a".repeat(306)));
    assertEquals(new Count(Encoding.GSM7, 307, 3), SmsSegments.count("a".repeat(307)));
  }

  @Test
  void givenSpanishWithGsmAccents_whenCounted_itShouldStayGsm7() {
    assertEquals(Encoding.GSM7, SmsSegments.count("Señor Muñoz: ¿me confirma el pago? ¡Gracias! Atte. Peñalosa, café").encoding());
  }

  @Test
  void givenAccentsOutsideGsm_whenCounted_itShouldUseUcs2With70And67() {
    String acute = "Le llamamos por su saldo, María, ¿cuándo podrá pagar?"; // á and í are not in GSM 03.38
    assertEquals(Encoding.UCS2, SmsSegments.count(acute).encoding());
    assertEquals(new Count(Encoding.UCS2, 70, 1), SmsSegments.count("á".repeat(70)));
    assertEquals(new Count(Encoding.UCS2, 71, 2), SmsSegments.count("á".repeat(71)));
    assertEquals(new Count(Encoding.UCS2, 134, 2), SmsSegments.count("á".repeat(134)));
    assertEquals(new Count(Encoding.UCS2, 135, 3), SmsSegments.count("á".repeat(135)));
  }

  @Test
  void givenExtensionCharacters_whenCounted_itShouldCountTwoSeptetsAndNeverSplitThem() {
    assertEquals(new Count(Encoding.GSM7, 160, 1), SmsSegments.count("€".repeat(80)));
    assertEquals(new Count(Encoding.GSM7, 162, 2), SmsSegments.count("€".repeat(81)));
    // 152 plain septets then a 2-septet euro: it does not fit the first 153 and opens the second segment
    assertEquals(2, SmsSegments.segments("a".repeat(152) + "€" + "a".repeat(7)));
    assertEquals(3, SmsSegments.segments("a".repeat(152) + "€" + "a".repeat(152) + "{"));
  }

  @Test
  void givenEmoji_whenCounted_itShouldCountSurrogatePairsAsTwoUnitsKeptTogether() {
    assertEquals(new Count(Encoding.UCS2, 70, 1), SmsSegments.count("👍".repeat(35)));
    // 66 units then an emoji (2 units): the pair moves whole to the second segment
    assertEquals(2, SmsSegments.segments("á".repeat(66) + "👍" + "á".repeat(3)));
    assertEquals(3, SmsSegments.segments("á".repeat(66) + "👍" + "á".repeat(65) + "👍"));
  }
}
