package dev.vocero.domain.spreadsheets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV read with commons-csv; row numbers are record numbers, as Excel would number the rows. */
final class CsvRowSource implements RowSource {
  private static final int SAMPLE_CHARS = 64 * 1024;
  static final int MAX_COLUMNS = 16_384; // Excel's own limit, which the xlsx reader applies too

  private final Path file;
  private final CsvEncoding encoding;
  private final char delimiter;
  private final SheetLimits limits;
  private final CSVFormat format;

  private CsvRowSource(Path file, CsvEncoding encoding, char delimiter, SheetLimits limits) {
    this.file = file;
    this.encoding = encoding;
    this.delimiter = delimiter;
    this.limits = limits;
    this.format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter)
        .setIgnoreEmptyLines(false)
        .setTrailingData(true)
        .get();
  }

  static CsvRowSource open(Upload upload, SheetLimits limits) {
    CsvEncoding encoding = CsvEncoding.detect(upload.file(), upload.head());
    return new CsvRowSource(upload.file(), encoding, CsvDelimiter.detect(sample(upload.file(), encoding)), limits);
  }

  @Override
  public void readRows(RowHandler handler) {
    try (Reader reader = new CsvLimitReader(reader(file, encoding), delimiter, limits);
        CSVParser parser = CSVParser.parse(reader, format)) {
      Iterator<CSVRecord> records = parser.iterator();
      for (CSVRecord record = next(records); record != null; record = next(records)) {
        if (record.size() > MAX_COLUMNS) {
          throw new ImportException(ImportException.CORRUPT_FILE, "Row " + record.getRecordNumber() + " has "
              + record.size() + " columns; a contact list may have at most " + MAX_COLUMNS + ".");
        }
        List<SheetCell> cells = new ArrayList<>(record.size());
        for (String value : record) {
          cells.add(SheetCell.text(value));
        }
        handler.row(new SheetRow((int) record.getRecordNumber(), cells));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void readNonBlankRowNumbers(IntConsumer rowNumbers) {
    readRows(row -> {
      if (!row.isBlank()) {
        rowNumbers.accept(row.number());
      }
    });
  }

  private static CSVRecord next(Iterator<CSVRecord> records) {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      throw new ImportException(ImportException.CORRUPT_FILE, "The CSV cannot be read: " + rootMessage(e)
          + ". Check for a quote (\") that is opened and never closed.", e);
    }
  }

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public String encoding() {
    return encoding.charset().name();
  }

  @Override
  public char delimiter() {
    return delimiter;
  }

  @Override
  public void close() {
    // nothing held between reads
  }

  private static CharSequence sample(Path file, CsvEncoding encoding) {
    try (Reader reader = reader(file, encoding)) {
      CharBuffer buffer = CharBuffer.allocate(SAMPLE_CHARS);
      while (buffer.hasRemaining() && reader.read(buffer) != -1) {
        // fill the sample
      }
      return buffer.flip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader reader(Path file, CsvEncoding encoding) throws IOException {
    InputStream in = Files.newInputStream(file);
    in.skipNBytes(encoding.bomLength());
    return new BufferedReader(new InputStreamReader(in, encoding.charset()), 64 * 1024);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
