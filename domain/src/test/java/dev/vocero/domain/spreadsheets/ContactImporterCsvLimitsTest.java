package dev.vocero.domain.spreadsheets;

import static dev.vocero.domain.spreadsheets.Workbooks.stream;
import static dev.vocero.domain.spreadsheets.Workbooks.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactImporterCsvLimitsTest {
  private static final long MiB = 1024 * 1024;

  private final RecordingSink sink = new RecordingSink();

  private ImportException refused(ImportOptions options, InputStream file) {
    ImportException e = assertThrows(ImportException.class,
        () -> new ContactImporter(options).read(file, "hostile.csv", sink));
    assertEquals(List.of(), sink.accepted, "nothing reaches the sink when the file is refused");
    assertEquals(List.of(), sink.rejected, "nothing reaches the sink when the file is refused");
    return e;
  }

  private ImportException refused(String csv) {
    return refused(ImportOptions.defaults("CO"), stream(utf8(csv)));
  }

  private static ImportOptions tight(int maxColumns, int maxCellChars, int maxRowChars) {
    return new ImportOptions("CO", 100, MiB, new SheetLimits(maxColumns, maxCellChars, maxRowChars, 100, 10_000));
  }

  @Test
  void givenARowWithAMillionCommas_itShouldRefuseTooManyColumnsNamingTheRow() {
    ImportException e = refused("Teléfono,Nombre\n3001234567,Ana\n" + ",".repeat(1_000_000) + "\n");

    assertEquals(ImportException.TOO_MANY_COLUMNS, e.code());
    assertTrue(e.getMessage().startsWith("Row 3 of the CSV has more than 16,384 columns"), e.getMessage());
  }

  @Test
  void givenAQuotedCellLongerThanExcelAllows_itShouldRefuseItAsCellTooLong() {
    ImportException e = refused("Teléfono,Notas\n3001234567,\"" + "línea\n".repeat(6_000) + "\"\n");

    assertEquals(ImportException.CELL_TOO_LONG, e.code());
    assertTrue(e.getMessage().startsWith("Row 2, column 2 of the CSV holds more than 32,767 characters"),
        e.getMessage());
  }

  @Test
  void givenAFileWithoutLineBreaks_itShouldRefuseTheRowAsTooLong() {
    String cell = "x".repeat(200);
    ImportException e = refused("Teléfono," + (cell + ",").repeat(6_000));

    assertEquals(ImportException.ROW_TOO_LONG, e.code());
    assertTrue(e.getMessage().contains("line breaks"), e.getMessage());
  }

  @Test
  void givenAHundredMegabyteCell_itShouldRefuseItAfterReadingLittleMoreThanTheLimit() {
    ImportOptions options = new ImportOptions("CO", 100_000, 256 * MiB);
    long[] allocated = new long[1];
    ImportException[] failure = new ImportException[1];

    allocated[0] = Allocations.during("100 MB CSV cell refused", () -> failure[0] = refused(options,
        new GeneratedInput("Teléfono\n\"", '9', 100 * MiB, "\"\n")));

    assertEquals(ImportException.CELL_TOO_LONG, failure[0].code());
    assertTrue(allocated[0] < 8 * MiB, "refused a 100 MB cell after allocating only " + allocated[0] / MiB + " MB");
  }

  @Test
  void givenANulCharacterPastTheSniffedHead_itShouldRefuseTheFileNamingRowAndColumn() {
    StringBuilder csv = new StringBuilder("Teléfono,Nombre\n");
    for (int i = 0; i < 1_000; i++) {
      csv.append("300").append(1_000_000 + i).append(",Cliente ").append(i).append('\n');
    }
    ImportException e = refused(csv.append("3002000000,Ana\u0000Pérez\n").toString());

    assertEquals(ImportException.CORRUPT_FILE, e.code());
    assertTrue(e.getMessage().startsWith("Row 1002, column 2 of the CSV contains a NUL character"), e.getMessage());
  }

  @Test
  void givenQuotedDelimitersEscapedQuotesAndCrLf_itShouldCountFieldsAsTheParserDoes() {
    String csv = "Teléfono,Nota\r\n3001234567,\"a,b,c,d\"\r\n3001234568,\"di\"\"jo\"\r\n3001234569,ab\"c\r\n";

    ImportSummary summary = new ContactImporter(tight(2, 10, 30)).read(stream(utf8(csv)), "ok.csv", sink);

    assertEquals(3, summary.accepted(), String.valueOf(sink.rejected));
    assertEquals("di\"jo", sink.acceptedRow(3).variables().get("Nota"));
  }

  @Test
  void givenTightLimits_itShouldRefuseJustAboveThemAndNamingTheColumn() {
    assertEquals(ImportException.TOO_MANY_COLUMNS,
        refused(tight(2, 10, 100), stream(utf8("Teléfono,Nota\n3001234567,a,b\n"))).code());
    ImportException cell = refused(tight(2, 10, 100), stream(utf8("Teléfono,Nota\n3001234567,\"abcdefghijk\"\n")));
    assertEquals(ImportException.CELL_TOO_LONG, cell.code());
    assertTrue(cell.getMessage().startsWith("Row 2, column 2"), cell.getMessage());
    assertEquals(ImportException.ROW_TOO_LONG,
        refused(tight(2, 10, 20), stream(utf8("Teléfono,Nota\n3001234567,abcdefghij\n"))).code());
  }
}
