package dev.vocero.domain.spreadsheets;

import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the first sheet of an uploaded xlsx or CSV into validated contacts, streaming: the upload is copied to a
 * temp file, read once to count the rows without decoding them (a file over the limit is refused before any row
 * reaches the sink), then read again row by row. Thread-safe; one instance can serve every upload.
 */
public final class ContactImporter {
  private static final Logger log = LoggerFactory.getLogger(ContactImporter.class);

  private final ImportOptions options;

  public ContactImporter(ImportOptions options) {
    this.options = options;
  }

  /**
   * Streams the file; every valid row goes to sink.accept, every rejected one to sink.reject, in file order.
   *
   * @param filename used only in logs: the format is decided from the content
   * @throws ImportException when the file as a whole cannot be imported; the sink has then received nothing
   */
  public ImportSummary read(InputStream in, String filename, ContactSink sink) {
    try (Upload upload = Upload.spool(in, options.maxBytes()); RowSource source = open(upload, options.limits())) {
      HeaderScan.run(source, options.maxRows());
      ImportPass pass = new ImportPass(options.defaultRegion(), sink);
      source.readRows(pass);
      ColumnLayout layout = pass.layout();
      log.info("imported {} as {}: {} rows, {} accepted, {} rejected", filename, source.format(), pass.rowsRead(),
          pass.accepted(), pass.rejected());
      return new ImportSummary(source.format(), source.encoding(), source.delimiter(), pass.rowsRead(),
          pass.accepted(), pass.rejected(), layout.headers(), layout.mapping());
    } catch (ImportException e) {
      log.info("refused {}: {} ({})", filename, e.code(), e.getMessage());
      throw e;
    }
  }

  private static RowSource open(Upload upload, SheetLimits limits) {
    return switch (FormatSniffer.sniff(upload.head())) {
      case XLSX -> XlsxRowSource.open(upload.file(), limits);
      case CSV -> CsvRowSource.open(upload, limits);
    };
  }
}
