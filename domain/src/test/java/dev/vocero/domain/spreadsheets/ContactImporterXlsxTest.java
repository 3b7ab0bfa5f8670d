package dev.vocero.domain.spreadsheets;

import static dev.vocero.domain.spreadsheets.Workbooks.stream;
import static dev.vocero.domain.spreadsheets.Workbooks.xlsx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vocero.domain.spreadsheets.Workbooks.Formula;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Test;

class ContactImporterXlsxTest {
  private final ContactImporter importer = new ContactImporter(ImportOptions.defaults("CO"));
  private final RecordingSink sink = new RecordingSink();

  private ImportSummary read(byte[] file) {
    return importer.read(stream(file), "deudores.xlsx", sink);
  }

  @Test
  void givenSpanishHeadersWithAccentsAndOddSpacing_itShouldMapEveryColumnAndKeepTheRestAsVariables() {
    ImportSummary summary = read(xlsx(
        new Object[] {"Nombre Completo", "Teléfono 1", " CELULAR ", "whatsapp_2", "Zona  Horaria", "Monto",
            "Fecha_Vencimiento", "Cédula", "Correo electrónico", "Ciudad", "Producto"},
        new Object[] {"Ana Pérez", "+57 300 123 4567", "310-555-1234", "+57 300 123 4567", null, 1234.5,
            LocalDate.of(2024, 3, 15), 1012345678, "ana@example.com", "Bogotá", "Tarjeta Oro"}));

    Map<String, String> mapping = new LinkedHashMap<>();
    mapping.put("Nombre Completo", "name");
    mapping.put("Teléfono 1", "phone");
    mapping.put("CELULAR", "phone");
    mapping.put("whatsapp_2", "phone");
    mapping.put("Zona  Horaria", "timezone");
    mapping.put("Monto", "amount");
    mapping.put("Fecha_Vencimiento", "due_date");
    mapping.put("Cédula", "document");
    mapping.put("Correo electrónico", "email");
    mapping.put("Ciudad", "variable");
    mapping.put("Producto", "variable");
    assertEquals(List.copyOf(mapping.entrySet()), List.copyOf(summary.columnMapping().entrySet()));
    assertEquals(List.copyOf(mapping.keySet()), summary.headers());
    assertEquals(new ImportSummary("xlsx", null, (char) 0, 1, 1, 0, summary.headers(), mapping), summary);

    ContactDraft ana = sink.acceptedRow(2);
    assertEquals(new ContactDraft(2, "Ana Pérez", List.of("+573001234567", "+573105551234"), new BigDecimal("1234.5"),
        LocalDate.of(2024, 3, 15), "America/Bogota", "1012345678", "ana@example.com",
        Map.of("Ciudad", "Bogotá", "Producto", "Tarjeta Oro")), ana);
    assertEquals(List.of("Ciudad", "Producto"), List.copyOf(ana.variables().keySet()));
  }

  @Test
  void givenSeveralPhoneColumns_itShouldKeepColumnOrderAndPromoteTheFirstFilledOneToPrimary() {
    read(xlsx(
        new Object[] {"Nombre", "Teléfono", "Teléfono 2", "Celular"},
        new Object[] {"Ana", "3001234567", "3105551234", "3209876543"},
        new Object[] {"Luis", null, "3105551235", "3105551235"},
        new Object[] {"Eva", "", "", "+57 320 987 6544"}));

    assertEquals(List.of("+573001234567", "+573105551234", "+573209876543"), sink.acceptedRow(2).phones());
    assertEquals(List.of("+573105551235"), sink.acceptedRow(3).phones());
    assertEquals(List.of("+573209876544"), sink.acceptedRow(4).phones());
  }

  @Test
  void givenInvalidAndMissingPhones_itShouldRejectTheRowsWithTheColumnAndTheRowAsRead() {
    ImportSummary summary = read(xlsx(
        new Object[] {"Nombre", "Teléfono", "Celular"},
        new Object[] {"Ana", "12345", null},
        new Object[] {"Luis", null, null},
        new Object[] {"Eva", "3001234567", "sin número"},
        new Object[] {"Sol", "3001234568", null}));

    RejectedRow ana = sink.rejectedRow(2);
    assertEquals(List.of(new RowIssue(2, "Teléfono", RowIssue.INVALID_PHONE,
        "\"12345\" is not a valid phone number")), ana.issues());
    assertEquals(Map.of("Nombre", "Ana", "Teléfono", "12345", "Celular", ""), ana.values());
    assertEquals(List.of(new RowIssue(3, "Teléfono", RowIssue.MISSING_PHONE, "no phone number in the row")),
        sink.rejectedRow(3).issues());
    assertEquals(List.of(new RowIssue(4, "Celular", RowIssue.INVALID_PHONE,
        "\"sin número\" is not a valid phone number")), sink.rejectedRow(4).issues());
    assertEquals(List.of("+573001234568"), sink.acceptedRow(5).phones());
    assertEquals(List.of(4, 1, 3), List.of(summary.rowsRead(), summary.accepted(), summary.rejected()));
  }

  @Test
  void givenTheSamePrimaryPhoneTwice_itShouldRejectTheLaterRowAsADuplicateOfTheFirstAcceptedOne() {
    read(xlsx(
        new Object[] {"Nombre", "Teléfono", "Monto", "Celular"},
        new Object[] {"Ana", "+57 300 123 4567", 100},
        new Object[] {"Luis", "3105551234", "no sé"},
        new Object[] {"Ana bis", "300-123-4567", 100},
        new Object[] {"Luis bis", "(310) 555 1234", 200},
        new Object[] {"Ana ter", null, 100, 3001234567L}));

    assertEquals(List.of(new RowIssue(4, "Teléfono", RowIssue.DUPLICATE, "duplicate of row 2")),
        sink.rejectedRow(4).issues());
    assertEquals(List.of(new RowIssue(6, "Celular", RowIssue.DUPLICATE, "duplicate of row 2")),
        sink.rejectedRow(6).issues());
    assertEquals(List.of(RowIssue.INVALID_AMOUNT), sink.codes(3));
    assertEquals(List.of("+573105551234"), sink.acceptedRow(5).phones(),
        "a rejected row does not reserve its number");
  }

  @Test
  void givenPhonesStoredAsNumbers_itShouldUseTheirDigitsWithoutDecimalsOrExponent() {
    read(xlsx(
        new Object[] {"Teléfono", "Cédula", "Nota"},
        new Object[] {3001234567L, 1012345678, 573001234567L},
        new Object[] {573105551234L, 12.5, 0.30000000000000004}));

    ContactDraft first = sink.acceptedRow(2);
    assertEquals(List.of("+573001234567"), first.phones());
    assertEquals("1012345678", first.document());
    assertEquals("573001234567", first.variables().get("Nota"));
    ContactDraft second = sink.acceptedRow(3);
    assertEquals(List.of("+573105551234"), second.phones());
    assertEquals("12.5", second.document());
    assertEquals("0.3", second.variables().get("Nota"));
  }

  @Test
  void givenFormulaCells_itShouldUseCachedValuesAndRejectFormulasWithoutResultOrWithAnError() {
    read(xlsx(
        new Object[] {"Nombre", "Teléfono", "Monto"},
        new Object[] {"Ana", new Formula("\"300\"&\"1234567\"", "3001234567"), new Formula("1000+500", 1500)},
        new Object[] {"Luis", new Formula("A1", null), 10},
        new Object[] {"Eva", new Formula("VLOOKUP(A4,X:Y,2,0)", FormulaError.NA), 10},
        new Object[] {"Sol", "3105551234", new Formula("1/0", FormulaError.DIV0)}));

    ContactDraft ana = sink.acceptedRow(2);
    assertEquals(List.of("+573001234567"), ana.phones());
    assertEquals(0, new BigDecimal("1500").compareTo(ana.amount()));
    assertEquals(List.of(new RowIssue(3, "Teléfono", RowIssue.FORMULA_UNUSABLE,
        "the formula =A1 has no saved result; open the file in Excel and save it again")),
        sink.rejectedRow(3).issues());
    assertEquals(List.of(new RowIssue(4, "Teléfono", RowIssue.FORMULA_UNUSABLE,
        "the formula gives the error #N/A")), sink.rejectedRow(4).issues());
    assertEquals("#N/A", sink.rejectedRow(4).values().get("Teléfono"));
    assertEquals(List.of(new RowIssue(5, "Monto", RowIssue.FORMULA_UNUSABLE, "the formula gives the error #DIV/0!")),
        sink.rejectedRow(5).issues());
  }

  @Test
  void givenBlankRowsAndAHeaderBelowATitle_itShouldNumberRowsAsExcelShowsThem() {
    ImportSummary summary = read(xlsx(
        null,
        new Object[] {"Teléfono", "Nombre"},
        new Object[] {"3001234567", "Ana"},
        null,
        new Object[] {"", "  "},
        new Object[] {"bad", "Luis"}));

    assertEquals(2, summary.rowsRead());
    assertEquals("Ana", sink.acceptedRow(3).name());
    assertEquals(List.of(RowIssue.INVALID_PHONE), sink.codes(6));
  }

  @Test
  void givenDateCellsNumbersAndTextInTheDueDateColumn_itShouldReadDayFirstAndRejectTheRest() {
    read(xlsx(
        new Object[] {"Teléfono", "Vencimiento", "Saldo"},
        new Object[] {"3001234561", LocalDate.of(2024, 3, 15), "1.234,56"},
        new Object[] {"3001234562", 45366, "$ 1.234"},
        new Object[] {"3001234563", "05/03/2024", "1,234.56"},
        new Object[] {"3001234564", "03/15/2024", "mil"},
        new Object[] {"3001234565", "2024-03-15", null}));

    assertEquals(LocalDate.of(2024, 3, 15), sink.acceptedRow(2).dueDate());
    assertEquals(new BigDecimal("1234.56"), sink.acceptedRow(2).amount());
    assertEquals(LocalDate.of(2024, 3, 15), sink.acceptedRow(3).dueDate());
    assertEquals(new BigDecimal("1234"), sink.acceptedRow(3).amount());
    assertEquals(LocalDate.of(2024, 3, 5), sink.acceptedRow(4).dueDate());
    assertEquals(new BigDecimal("1234.56"), sink.acceptedRow(4).amount());
    assertEquals(List.of(
        new RowIssue(5, "Saldo", RowIssue.INVALID_AMOUNT, "\"mil\" is not an amount"),
        new RowIssue(5, "Vencimiento", RowIssue.INVALID_DATE,
            "\"03/15/2024\" is not a date (use dd/mm/yyyy or yyyy-mm-dd)")),
        sink.rejectedRow(5).issues());
    assertEquals(LocalDate.of(2024, 3, 15), sink.acceptedRow(6).dueDate());
    assertNull(sink.acceptedRow(6).amount());
  }
}
