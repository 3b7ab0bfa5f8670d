package dev.vocero.domain.spreadsheets;

import static dev.vocero.domain.spreadsheets.Workbooks.stream;
import static dev.vocero.domain.spreadsheets.Workbooks.utf8;
import static dev.vocero.domain.spreadsheets.Workbooks.xlsx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;

class ContactImporterFileErrorsTest {
  private static final String SHEET = "xl/worksheets/sheet1.xml";
  private static final String WORKSHEET_OPEN =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

  private final RecordingSink sink = new RecordingSink();

  private ImportException refused(ImportOptions options, byte[] file) {
    ImportException e = assertThrows(ImportException.class,
        () -> new ContactImporter(options).read(stream(file), "upload", sink));
    assertEquals(List.of(), sink.accepted, "nothing reaches the sink when the file is refused");
    assertEquals(List.of(), sink.rejected, "nothing reaches the sink when the file is refused");
    return e;
  }

  private ImportException refused(byte[] file) {
    return refused(ImportOptions.defaults("CO"), file);
  }

  private static byte[] phoneSheet(int rows) {
    Object[][] table = new Object[rows + 1][];
    table[0] = new Object[] {"Teléfono"};
    for (int i = 1; i <= rows; i++) {
      table[i] = new Object[] {"300123" + (4000 + i)};
    }
    return xlsx(table);
  }

  @Test
  void givenMoreDataRowsThanAllowed_itShouldRefuseTheWholeFileBeforeImportingAnyRow() {
    ImportException e = refused(new ImportOptions("CO", 3, 1_000_000), phoneSheet(4));

    assertEquals(ImportException.TOO_MANY_ROWS, e.code());
    assertEquals("The file has more than 3 data rows; split it and upload each part.", e.getMessage());
  }

  @Test
  void givenExactlyTheAllowedRows_itShouldImportThem() {
    ImportSummary summary = new ContactImporter(new ImportOptions("CO", 3, 1_000_000))
        .read(stream(phoneSheet(3)), "ok.xlsx", sink);

    assertEquals(3, summary.accepted());
  }

  @Test
  void givenAnEmptySheetOrOnlyAHeader_itShouldRefuseItAsEmpty() {
    assertEquals(ImportException.EMPTY_SHEET, refused(xlsx()).code());
    assertEquals(ImportException.EMPTY_SHEET, refused(xlsx(new Object[] {"Teléfono", "Nombre"})).code());
    assertEquals(ImportException.EMPTY_SHEET, refused(new byte[0]).code());
  }

  @Test
  void givenNoPhoneColumn_itShouldNameTheHeadersItFound() {
    ImportException e = refused(xlsx(new Object[] {"Nombre", "Número"}, new Object[] {"Ana", "3001234567"}));

    assertEquals(ImportException.NO_PHONE_COLUMN, e.code());
    assertTrue(e.getMessage().contains("[Nombre, Número]"), e.getMessage());
  }

  @Test
  void givenATruncatedWorkbook_itShouldReportACorruptFile() {
    byte[] whole = phoneSheet(50);

    assertEquals(ImportException.CORRUPT_FILE, refused(Arrays.copyOf(whole, whole.length / 2)).code());
  }

  @Test
  void givenASheetEntryThatInflatesHundredsOfTimes_itShouldRefuseAZipBomb() {
    StringBuilder sheet = new StringBuilder(WORKSHEET_OPEN)
        .append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Teléfono</t></is></c></row>");
    sheet.append(" ".repeat(20_000_000)).append("</sheetData></worksheet>");

    byte[] bomb = Workbooks.replaceEntries(phoneSheet(1), Map.of(SHEET, utf8(sheet.toString())));

    assertTrue(bomb.length < 200_000, "the bomb is small: " + bomb.length);
    assertEquals(ImportException.ZIP_BOMB, refused(bomb).code());
  }

  @Test
  void givenASheetWithAnExternalEntity_itShouldRefuseItWithoutReadingTheEntity() throws IOException {
    Path secret = Files.createTempFile("secret", ".txt");
    Files.writeString(secret, "3001234567");
    String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>" + WORKSHEET_OPEN
        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Teléfono</t></is></c></row>"
        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>";

    ImportException e = refused(Workbooks.replaceEntries(phoneSheet(1), Map.of(SHEET, utf8(sheet))));

    assertEquals(ImportException.XML_ENTITIES, e.code());
    Files.delete(secret);
  }

  @Test
  void givenSharedStringsWithAnEntityExpansion_itShouldRefuseThem() {
    String strings = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
        + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&b;</t></si></sst>";

    ImportException e = refused(Workbooks.replaceEntries(phoneSheet(1),
        Map.of("xl/sharedStrings.xml", utf8(strings))));

    assertEquals(ImportException.XML_ENTITIES, e.code());
  }

  @Test
  void givenAnOldXlsWorkbook_itShouldAskForXlsx() throws IOException {
    ByteArrayOutputStream xls = new ByteArrayOutputStream();
    try (HSSFWorkbook workbook = new HSSFWorkbook()) {
      workbook.createSheet().createRow(0).createCell(0).setCellValue("Teléfono");
      workbook.write(xls);
    }

    ImportException e = refused(xls.toByteArray());

    assertEquals(ImportException.UNSUPPORTED_FORMAT, e.code());
    assertTrue(e.getMessage().contains("save it as .xlsx"), e.getMessage());
  }

  @Test
  void givenOtherFilesByContent_itShouldRefuseThemAsUnsupported() {
    byte[] docx = Workbooks.zip(Map.of("word/document.xml", utf8("<w:document/>")));
    byte[] html = utf8("<html><table><tr><td>Teléfono</td></tr></table></html>");
    byte[] pdf = utf8("%PDF-1.7\n...");
    byte[] binary = {'T', 'e', 'l', 0, 1, 2, 3, 0, 0, 7, 0, 5, 6, 0, 0, 0, 0, 9};

    assertEquals(ImportException.UNSUPPORTED_FORMAT, refused(docx).code());
    assertEquals(ImportException.UNSUPPORTED_FORMAT, refused(html).code());
    assertEquals(ImportException.UNSUPPORTED_FORMAT, refused(pdf).code());
    assertEquals(ImportException.UNSUPPORTED_FORMAT, refused(binary).code());
  }

  @Test
  void givenAnUploadLargerThanMaxBytes_itShouldStopCopyingAndRefuseIt() {
    ImportException e = refused(new ImportOptions("CO", 10, 1024 * 1024), new byte[2 * 1024 * 1024]);

    assertEquals(ImportException.FILE_TOO_LARGE, e.code());
  }
}
