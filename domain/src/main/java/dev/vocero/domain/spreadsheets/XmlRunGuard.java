package dev.vocero.domain.spreadsheets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses an XML part in which more than {@link #MAX_RUN_BYTES} bytes pass without a {@code <} or {@code >}: a tag
 * or attribute that long (which the XML parser would keep whole in memory) or text longer than any cell can be.
 * Excel's longest cell, 32,767 characters written as entities, stays far below it.
 */
final class XmlRunGuard extends FilterInputStream {
  static final int MAX_RUN_BYTES = 1024 * 1024;

  private final String part;
  private int run;

  XmlRunGuard(InputStream in, String part) {
    super(in);
    this.part = part;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b != -1) {
      accept(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, length);
    for (int i = 0; i < read; i++) {
      accept(buffer[offset + i]);
    }
    return read;
  }

  private void accept(int b) {
    if (b == '<' || b == '>') {
      run = 0;
    } else if (++run > MAX_RUN_BYTES) {
      throw new ImportException(ImportException.CELL_TOO_LONG, "The workbook's " + part + " holds a value or tag "
          + "longer than 1 MB, far more than an Excel cell can hold; it was refused as damaged or hostile.");
    }
  }
}
