package dev.vocero.domain.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderAliasesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Nombre completo | NAME", "  FULL_NAME | NAME", "Cliente | NAME",
      "Teléfono | PHONE", "telefono2 | PHONE", "Teléfono 2 | PHONE", "phone_2 | PHONE", "Celular 1 | PHONE",
      "Tel. | PHONE", "MÓVIL | PHONE", "WhatsApp | PHONE", "mobile-3 | PHONE",
      "Monto | AMOUNT", "Deuda | AMOUNT", "importe | AMOUNT", "Valor | AMOUNT",
      "due_date | DUE_DATE", "Fecha Vencimiento | DUE_DATE", "fecha_vencimiento | DUE_DATE", "Vencimiento | DUE_DATE",
      "Zona Horaria | TIMEZONE", "time_zone | TIMEZONE", "TZ | TIMEZONE",
      "Cédula | DOCUMENT", "RUT | DOCUMENT", "CURP | DOCUMENT", "ID | DOCUMENT", "nif | DOCUMENT",
      "E-mail | EMAIL", "Correo Electrónico | EMAIL", "correo | EMAIL",
      "Ciudad | VARIABLE", "Monto 2 | VARIABLE", "Teléfonos | VARIABLE", "Nombre del asesor | VARIABLE"})
  void givenHeadersAsPeopleWriteThem_itShouldFindTheirField(String header, Field expected) {
    assertEquals(expected, HeaderAliases.fieldOf(header));
  }
}
