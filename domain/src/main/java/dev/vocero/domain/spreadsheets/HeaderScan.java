package dev.vocero.domain.spreadsheets;

/**
 * First, cheap pass: counts the non-blank rows without decoding them and stops as soon as there are too many,
 * so that a refused file reaches no sink. The first non-blank row is the header.
 */
final class HeaderScan {
  private HeaderScan() {
  }

  static void run(RowSource source, int maxRows) {
    int[] nonBlank = {0};
    source.readNonBlankRowNumbers(row -> {
      if (++nonBlank[0] > maxRows + 1) {
        throw new ImportException(ImportException.TOO_MANY_ROWS,
            "The file has more than " + maxRows + " data rows; split it and upload each part.");
      }
    });
    if (nonBlank[0] == 0) {
      throw new ImportException(ImportException.EMPTY_SHEET, "The first sheet is empty.");
    }
    if (nonBlank[0] == 1) {
      throw new ImportException(ImportException.EMPTY_SHEET, "The first sheet has a header row but no data rows.");
    }
  }
}
