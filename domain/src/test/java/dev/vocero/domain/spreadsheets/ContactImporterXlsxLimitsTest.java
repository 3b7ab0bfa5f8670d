package dev.vocero.domain.spreadsheets;

import static dev.vocero.domain.spreadsheets.Workbooks.stream;
import static dev.vocero.domain.spreadsheets.Workbooks.utf8;
import static dev.vocero.domain.spreadsheets.Workbooks.xlsx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class ContactImporterXlsxLimitsTest {
  private static final long MiB = 1024 * 1024;
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String SHEET = "xl/worksheets/sheet1.xml";
  private static final String STRINGS = "xl/sharedStrings.xml";

  private final RecordingSink sink = new RecordingSink();

  private ImportException refused(ImportOptions options, byte[] file) {
    ImportException e = assertThrows(ImportException.class,
        () -> new ContactImporter(options).read(stream(file), "hostile.xlsx", sink));
    assertEquals(List.of(), sink.accepted, "nothing reaches the sink when the file is refused");
    assertEquals(List.of(), sink.rejected, "nothing reaches the sink when the file is refused");
    return e;
  }

  private ImportException refused(byte[] file) {
    return refused(ImportOptions.defaults("CO"), file);
  }

  private static byte[] phoneSheet(int rows) {
    Object[][] table = new Object[rows + 1][];
    table[0] = new Object[] {"Teléfono", "Nombre"};
    for (int i = 1; i <= rows; i++) {
      table[i] = new Object[] {"300123" + (4000 + i), "Cliente " + i};
    }
    return xlsx(table);
  }

  private static byte[] withSheetRows(String rows) {
    String sheet = "<worksheet xmlns=\"" + MAIN + "\"><sheetData>"
        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Teléfono</t></is></c></row>" + rows
        + "</sheetData></worksheet>";
    return Workbooks.replaceEntries(phoneSheet(1), Map.of(SHEET, utf8(sheet)));
  }

  private static byte[] withSharedStrings(String... strings) {
    StringBuilder sst = new StringBuilder("<sst xmlns=\"" + MAIN + "\">");
    for (String s : strings) {
      sst.append("<si><t>").append(s).append("</t></si>");
    }
    return Workbooks.replaceEntries(phoneSheet(1), Map.of(STRINGS, utf8(sst.append("</sst>").toString())));
  }

  private static String randomLetters(int length) {
    SplittableRandom random = new SplittableRandom(7);
    char[] letters = new char[length];
    for (int i = 0; i < length; i++) {
      letters[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(letters);
  }

  @Test
  void givenAnInlineCellLongerThanExcelAllows_itShouldRefuseItNamingTheCell() {
    ImportException e = refused(withSheetRows("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>"
        + randomLetters(40_000) + "</t></is></c></row>"));

    assertEquals(ImportException.CELL_TOO_LONG, e.code());
    assertTrue(e.getMessage().startsWith("Cell A2 of the workbook holds more than 32,767 characters"),
        e.getMessage());
  }

  @Test
  void givenASharedStringLongerThanExcelAllows_itShouldRefuseIt() {
    ImportException e = refused(withSharedStrings("Teléfono", randomLetters(40_000)));

    assertEquals(ImportException.CELL_TOO_LONG, e.code());
    assertTrue(e.getMessage().startsWith("Text number 2 of the workbook"), e.getMessage());
  }

  @Test
  void givenMoreSharedStringsOrTextThanTheLimits_itShouldRefuseTheWorkbook() {
    SheetLimits fewStrings = new SheetLimits(100, 100, 100, 5, 10_000);
    SheetLimits littleText = new SheetLimits(100, 100, 100, 1_000, 50);

    assertEquals(ImportException.TOO_MANY_STRINGS,
        refused(new ImportOptions("CO", 100, MiB, fewStrings), phoneSheet(10)).code());
    assertEquals(ImportException.TOO_MANY_STRINGS,
        refused(new ImportOptions("CO", 100, MiB, littleText), phoneSheet(10)).code());
    assertEquals(10, new ContactImporter(new ImportOptions("CO", 100, MiB, new SheetLimits(100, 100, 100, 22, 205)))
        .read(stream(phoneSheet(10)), "ok.xlsx", sink).accepted(), "exactly at the limits is fine");
  }

  @Test
  void givenTwoMillionAndOneSharedStrings_itShouldRefuseThemWithTheDefaultLimit() {
    String[] strings = new String[SheetLimits.DEFAULT_MAX_SHARED_STRINGS + 1];
    for (int i = 0; i < strings.length; i++) {
      strings[i] = Integer.toString(i * 7919, 36);
    }
    byte[] file = withSharedStrings(strings);

    assertTrue(file.length < 16 * MiB, "the workbook itself is small: " + file.length);
    ImportException e = refused(file);
    assertEquals(ImportException.TOO_MANY_STRINGS, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith("The workbook holds more than 2,000,000 different texts"), e.getMessage());
  }

  @Test
  void givenARowOfCellsAllSharingOneLongText_itShouldRefuseTheRowBeforeHoldingItWhole() {
    StringBuilder row = new StringBuilder("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>3001234567</t></is></c>");
    for (int column = 1; column < 16_384; column++) {
      row.append("<c r=\"").append(SheetSaxHandler.columnName(column)).append("2\" t=\"s\"><v>2</v></c>");
    }
    byte[] file = Workbooks.replaceEntries(withSharedStrings("Teléfono", "x", randomLetters(32_000)),
        Map.of(SHEET, utf8("<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v>"
            + "</c></row>" + row + "</row></sheetData></worksheet>")));
    ImportException[] failure = new ImportException[1];

    long allocated = Allocations.during("row of 16,384 cells sharing a 32,000-character text refused",
        () -> failure[0] = refused(file));

    assertEquals(ImportException.ROW_TOO_LONG, failure[0].code());
    assertTrue(failure[0].getMessage().startsWith("Row 2 of the workbook holds more than 1,048,576 characters"),
        failure[0].getMessage());
    assertTrue(allocated < 8 * MiB, "refused a row of 16,384 x 32,000 characters after allocating only "
        + allocated / MiB + " MB (holding it would take 500 or more)");
  }

  @Test
  void givenACellBeyondExcelsLastColumn_itShouldRefuseTooManyColumns() {
    ImportException e = refused(withSheetRows("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>3001234567</t></is></c>"
        + "<c r=\"XFE2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"));

    assertEquals(ImportException.TOO_MANY_COLUMNS, e.code());
    assertTrue(e.getMessage().contains("beyond column XFD"), e.getMessage());
  }

  @Test
  void givenAnAttributeOfTwoMegabytes_itShouldRefuseItBeforeTheParserKeepsItWhole() {
    ImportException e = refused(withSheetRows("<row r=\"2\"><c r=\"A2\" s=\"" + randomLetters(2 * 1024 * 1024)
        + "\"><v>3001234567</v></c></row>"));

    assertEquals(ImportException.CELL_TOO_LONG, e.code());
    assertTrue(e.getMessage().contains("longer than 1 MB"), e.getMessage());
  }

  @Test
  void givenAStylesPartThatInflatesPastSixteenMegabytes_itShouldRefuseItAsAZipBomb() {
    String styles = "<styleSheet xmlns=\"" + MAIN + "\"><!--" + " ".repeat(17 * 1024 * 1024) + "--></styleSheet>";
    byte[] bomb = Workbooks.replaceEntries(phoneSheet(1), Map.of("xl/styles.xml", utf8(styles)));

    assertTrue(bomb.length < MiB, "the bomb is small: " + bomb.length);
    ImportException e = refused(bomb);
    assertEquals(ImportException.ZIP_BOMB, e.code());
    assertTrue(e.getMessage().contains("xl/styles.xml"), e.getMessage());
  }

  @Test
  void givenAStylesPartUnderAnotherName_itShouldFindItByContentTypeAndRefuseIt() throws IOException {
    // random text: it inflates only about twice, so POI's ratio check lets it through and the size limit must act
    String styles = "<styleSheet xmlns=\"" + MAIN + "\"><!--" + randomLetters(17 * 1024 * 1024) + "--></styleSheet>";
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(phoneSheet(1)))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("styles.xml", "look.bin");
        entries.put(entry.getName().replace("styles.xml", "look.bin"), utf8(text));
      }
    }
    assertTrue(entries.containsKey("xl/look.bin"), String.valueOf(entries.keySet()));
    entries.put("xl/look.bin", utf8(styles));

    ImportException e = refused(Workbooks.zip(entries));

    assertEquals(ImportException.ZIP_BOMB, e.code());
    assertTrue(e.getMessage().contains("xl/look.bin"), e.getMessage());
  }

  @Test
  void givenAWorkbookWithThousandsOfEntries_itShouldRefuseItBeforePoiIndexesThem() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(phoneSheet(1)))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    for (int i = 0; i < 5_000; i++) {
      entries.put("xl/media/junk" + i + ".bin", new byte[0]);
    }

    ImportException e = refused(Workbooks.zip(entries));

    assertEquals(ImportException.ZIP_BOMB, e.code());
    assertTrue(e.getMessage().startsWith("The workbook holds 5,0"), e.getMessage());
  }

  @Test
  void givenATwentyMillionCharacterSharedString_itShouldRefuseItBeforeHoldingIt() {
    byte[] file = withSharedStrings("Teléfono", randomLetters(20_000_000));
    ImportException[] failure = new ImportException[1];

    long allocated = Allocations.during("20-million-character shared string refused",
        () -> failure[0] = refused(file));

    assertEquals(ImportException.CELL_TOO_LONG, failure[0].code());
    assertTrue(allocated < 8 * MiB, "refused a 20-million-character text after allocating only "
        + allocated / MiB + " MB (holding it would take 40)");
  }
}
