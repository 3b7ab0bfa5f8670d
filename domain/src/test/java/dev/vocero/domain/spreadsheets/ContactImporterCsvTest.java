package dev.vocero.domain.spreadsheets;

import static dev.vocero.domain.spreadsheets.Workbooks.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactImporterCsvTest {
  private final ContactImporter importer = new ContactImporter(ImportOptions.defaults("CO"));
  private final RecordingSink sink = new RecordingSink();

  private ImportSummary read(byte[] bytes) {
    return importer.read(stream(bytes), "contactos.csv", sink);
  }

  private static byte[] bytes(String text, Charset charset, byte... bom) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bom);
    out.writeBytes(text.getBytes(charset));
    return out.toByteArray();
  }

  @Test
  void givenALatin1ExportWithSemicolons_itShouldDetectWindows1252AndTheDelimiter() {
    ImportSummary summary = read(bytes("""
        Nombre;Teléfono;Saldo;Descripción
        José Muñoz;300 123 4567;1.234,56;"Crédito; atrasado"
        Ángela Núñez;310-555-1234;2,5;Año 2024
        """, CsvEncoding.WINDOWS_1252));

    assertEquals("windows-1252", summary.encoding());
    assertEquals(';', summary.delimiter());
    assertEquals("csv", summary.format());
    assertEquals(List.of("Nombre", "Teléfono", "Saldo", "Descripción"), summary.headers());
    ContactDraft jose = sink.acceptedRow(2);
    assertEquals("José Muñoz", jose.name());
    assertEquals(new BigDecimal("1234.56"), jose.amount());
    assertEquals(Map.of("Descripción", "Crédito; atrasado"), jose.variables());
    assertEquals(new BigDecimal("2.5"), sink.acceptedRow(3).amount());
    assertEquals("Año 2024", sink.acceptedRow(3).variables().get("Descripción"));
  }

  @Test
  void givenUtf8WithABom_itShouldStripTheBomFromTheFirstHeader() {
    ImportSummary summary = read(bytes("Teléfono,Nombre,Monto\n3001234567,Peña,\"1,234.50\"\n",
        StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF));

    assertEquals("UTF-8", summary.encoding());
    assertEquals(',', summary.delimiter());
    assertEquals(Map.of("Teléfono", "phone", "Nombre", "name", "Monto", "amount"), summary.columnMapping());
    assertEquals(new ContactDraft(2, "Peña", List.of("+573001234567"), new BigDecimal("1234.50"), null,
        "America/Bogota", null, null, Map.of()), sink.acceptedRow(2));
  }

  @Test
  void givenATabDelimitedFileWithBlankLines_itShouldSkipThemAndKeepExcelRowNumbers() {
    ImportSummary summary = read(bytes("Celular\tNombre\tCiudad\n\n3001234567\tAna\tCali\n\t\t\n"
        + "bad\tLuis\tMedellín\n", StandardCharsets.UTF_8));

    assertEquals('\t', summary.delimiter());
    assertEquals(2, summary.rowsRead());
    assertEquals("Cali", sink.acceptedRow(3).variables().get("Ciudad"));
    assertEquals(List.of(RowIssue.INVALID_PHONE), sink.codes(5));
  }

  @Test
  void givenUtf16WithABom_itShouldReadExcelsUnicodeTextExport() {
    ImportSummary summary = read(bytes("Teléfono\tNombre\r\n3001234567\tMaría\r\n", StandardCharsets.UTF_16LE,
        (byte) 0xFF, (byte) 0xFE));

    assertEquals("UTF-16LE", summary.encoding());
    assertEquals("María", sink.acceptedRow(2).name());
  }

  @Test
  void givenAQuotedFieldWithALineBreak_itShouldCountItAsOneRow() {
    read(bytes("Teléfono|Nota\n3001234567|\"línea 1\nlínea 2\"\n3001234568|ok\n", StandardCharsets.UTF_8));

    assertEquals("línea 1\nlínea 2", sink.acceptedRow(2).variables().get("Nota"));
    assertEquals("ok", sink.acceptedRow(3).variables().get("Nota"));
  }

  @Test
  void givenAQuoteThatIsNeverClosed_itShouldRefuseTheFileInsteadOfMergingRows() {
    ImportException e = assertThrows(ImportException.class, () -> read(bytes(
        "Teléfono,Nombre\n3001234567,\"Ana\n3001234568,Luis\n", StandardCharsets.UTF_8)));

    assertEquals(ImportException.CORRUPT_FILE, e.code());
    assertTrue(e.getMessage().contains("quote"), e.getMessage());
    assertEquals(List.of(), sink.accepted);
  }

  @Test
  void givenBytesThatAreNeitherUtf8NorWindows1252_itShouldRefuseTheEncoding() {
    byte[] bytes = {'T', 'e', 'l', '\n', '3', (byte) 0x81, (byte) 0x8D, '\n'};

    ImportException e = assertThrows(ImportException.class, () -> read(bytes));

    assertEquals(ImportException.UNREADABLE_ENCODING, e.code());
  }

  @Test
  void givenUtf16WithoutABom_itShouldRefuseTheEncoding() {
    ImportException e = assertThrows(ImportException.class,
        () -> read(bytes("Teléfono\tNombre\r\n3001234567\tMaría\r\n", StandardCharsets.UTF_16LE)));

    assertEquals(ImportException.UNREADABLE_ENCODING, e.code());
  }
}
