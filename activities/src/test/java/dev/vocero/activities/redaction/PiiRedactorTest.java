package dev.vocero.activities.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {

  private static String redact(String region, String text) {
    return new PiiRedactor(region).redact(text).text();
  }

  @Test
  void givenASpanishCallWithEveryKind_itShouldReplaceEachWithItsPlaceholderAndCountThem() {
    Redaction r = new PiiRedactor("CL").redact("Mi correo es ana.perez+cobros@correo.cl y mi celular 9 8765 4321, "
        + "mi RUT es 12.345.678-5 y la tarjeta 4111 1111 1111 1111.");

    assertEquals("Mi correo es [EMAIL] y mi celular [PHONE], mi RUT es [ID] y la tarjeta [CARD].", r.text());
    assertEquals(Map.of(PiiType.EMAIL, 1, PiiType.PHONE, 1, PiiType.ID, 1, PiiType.CARD, 1), r.counts());
  }

  @Test
  void givenAnEnglishCall_itShouldRedactUsPhonesEmailsAndDashedCards() {
    Redaction r = new PiiRedactor("US").redact("Call me back at (415) 555-2671 or john.doe@example.com; "
        + "my card is 5500-0000-0000-0004, international +44 20 7946 0958.");

    assertEquals("Call me back at [PHONE] or [EMAIL]; my card is [CARD], international [PHONE].", r.text());
    assertEquals(2, r.count(PiiType.PHONE));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ES | Mi DNI es 12345678Z, gracias | Mi DNI es [ID], gracias",
      "ES | el NIE X1234567L del titular | el NIE [ID] del titular",
      "ES | llámeme al 612 345 678 por favor | llámeme al [PHONE] por favor",
      "MX | su CURP es GODE561231HDFRRN09 correcto | su CURP es [ID] correcto",
      "AR | mi DNI número 30.123.456 señor | mi DNI número [ID] señor",
      "PE | documento de identidad 45678912, sí | documento de identidad [ID], sí",
      "CO | cédula 1.020.304.050 y celular 300 123 4567 | cédula [ID] y celular [PHONE]",
      "CO | con CC 79845123 a nombre de Ana | con CC [ID] a nombre de Ana",
      "CL | RUT 7654321-6 vigente | RUT [ID] vigente",
      "MX | mi número es +52 55 1234 5678 | mi número es [PHONE]",
  })
  void givenNationalIdsAndPhones_itShouldRedactThem(String region, String text, String expected) {
    assertEquals(expected, redact(region, text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CO | Le debo 1.250.000 pesos desde el 15/03/2024",
      "CL | el monto es $ 45.990 y vence el 2024-03-15",
      "ES | son 1.234,56 euros, pedido 4521-7788",
      "AR | el pedido número 12345678 llegó el 3 de mayo",
      "US | order #A-10293 for $1,299.99 on 03/15/2024 at 10:30",
      "MX | factura 4111111111111112 pendiente",
      "CL | RUT 12.345.678-9 mal escrito",
      "ES | el DNI 12345678A no cuadra",
      "US | tracking 1Z999AA10123456784 and 20 items",
      "CO | pagaré 300 mil el viernes 22",
  })
  void givenAmountsDatesOrderNumbersAndBadCheckDigits_itShouldLeaveThemAlone(String region, String text) {
    Redaction r = new PiiRedactor(region).redact(text);

    assertEquals(text, r.text());
    assertTrue(r.counts().isEmpty(), r.counts().toString());
  }

  @Test
  void givenNoRegion_itShouldFindOnlyInternationalNumbers() {
    assertEquals("al [PHONE] o al 9 8765 4321", redact(null, "al +56 9 8765 4321 o al 9 8765 4321"));
  }

  @Test
  void givenRedactedText_whenRedactedAgain_itShouldNotChange() {
    String once = redact("CL", "correo ana@correo.cl, fono +56 9 8765 4321");

    assertEquals(once, redact("CL", once));
  }

  @Test
  void givenAnUnknownRegion_itShouldRefuseIt() {
    assertThrows(IllegalArgumentException.class, () -> new PiiRedactor("XX"));
  }

  @Test
  void luhn() {
    assertTrue(PiiRedactor.luhn("4111111111111111"));
    assertTrue(!PiiRedactor.luhn("4111111111111112"));
  }
}
