package dev.vocero.domain.spreadsheets;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts columns and characters as commons-csv pulls them, following the quoting rules of {@code CSVFormat.DEFAULT}
 * (a quote opens a field only as its first character, {@code ""} inside quotes is one quote), and refuses the file
 * as soon as a record passes a limit: the parser never buffers a million-column row or a 100 MB cell. A NUL
 * character anywhere refuses the file too.
 */
final class CsvLimitReader extends FilterReader {
  private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

  private final char delimiter;
  private final SheetLimits limits;
  private State state = State.FIELD_START;
  private boolean afterCarriageReturn;
  private int record = 1;
  private int columns = 1;
  private int cellChars;
  private int recordChars;

  CsvLimitReader(Reader in, char delimiter, SheetLimits limits) {
    super(in);
    this.delimiter = delimiter;
    this.limits = limits;
  }

  @Override
  public int read() throws IOException {
    int ch = super.read();
    if (ch != -1) {
      accept((char) ch);
    }
    return ch;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, length);
    for (int i = 0; i < read; i++) {
      accept(buffer[offset + i]);
    }
    return read;
  }

  private void accept(char ch) {
    if (ch == '\u0000') { // binary junk, and PostgreSQL keeps no NUL in text
      throw new ImportException(ImportException.CORRUPT_FILE, String.format("Row %d, column %d of the CSV contains a "
          + "NUL character, which no text file has: save it from Excel as \"CSV UTF-8\" and upload again.", record,
          columns));
    }
    boolean newlineAfterCr = afterCarriageReturn && ch == '\n';
    afterCarriageReturn = false;
    if (state == State.QUOTE_IN_QUOTED) {
      state = ch == '"' ? State.QUOTED : State.UNQUOTED;
      if (ch == '"') {
        cellChars++;
        count();
        return;
      }
    }
    if (state == State.QUOTED) {
      if (ch == '"') {
        state = State.QUOTE_IN_QUOTED;
      } else {
        cellChars++;
      }
      count();
      return;
    }
    if (ch == delimiter) {
      columns++;
      cellChars = 0;
      state = State.FIELD_START;
    } else if (ch == '\n' || ch == '\r') {
      if (!newlineAfterCr) {
        record++;
      }
      afterCarriageReturn = ch == '\r';
      columns = 1;
      cellChars = 0;
      recordChars = -1;
      state = State.FIELD_START;
    } else if (ch == '"' && state == State.FIELD_START) {
      state = State.QUOTED;
    } else {
      cellChars++;
      state = State.UNQUOTED;
    }
    count();
  }

  private void count() {
    recordChars++;
    if (columns > limits.maxColumns()) {
      throw new ImportException(ImportException.TOO_MANY_COLUMNS, String.format("Row %d of the CSV has more than "
          + "%,d columns. A contact list needs a few: check that the file is a real CSV export.", record,
          limits.maxColumns()));
    }
    if (cellChars > limits.maxCellChars()) {
      throw new ImportException(ImportException.CELL_TOO_LONG, String.format("Row %d, column %d of the CSV holds "
          + "more than %,d characters, more than an Excel cell can; check for a quote (\") that is opened and never "
          + "closed.", record, columns, limits.maxCellChars()));
    }
    if (recordChars > limits.maxRowChars()) {
      throw new ImportException(ImportException.ROW_TOO_LONG, String.format("Row %d of the CSV is longer than %,d "
          + "characters; check that the file has line breaks between its rows.", record, limits.maxRowChars()));
    }
  }
}
