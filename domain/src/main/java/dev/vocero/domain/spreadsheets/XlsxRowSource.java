package dev.vocero.domain.spreadsheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first worksheet of an xlsx, streamed with SAX from a package opened read-only on the temp file; the
 * workbook object model is never built. Shared strings are held in memory (they are per distinct text, not per row)
 * within {@link SheetLimits}; every XML part is guarded against runs without markup ({@link XmlRunGuard}).
 */
final class XlsxRowSource implements RowSource {
  static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

  /** Parts POI reads into an object model (DOM or XMLBeans); Excel writes them in kilobytes. */
  static final long MAX_MODEL_PART_BYTES = 16L * 1024 * 1024;

  private final OPCPackage pkg;
  private final XSSFReader reader;
  private final XlsxCellDecoder decoder;
  private final SheetLimits limits;

  private XlsxRowSource(OPCPackage pkg, XSSFReader reader, XlsxCellDecoder decoder, SheetLimits limits) {
    this.pkg = pkg;
    this.reader = reader;
    this.decoder = decoder;
    this.limits = limits;
  }

  static XlsxRowSource open(Path file, SheetLimits limits) {
    requireSpreadsheetML(file);
    OPCPackage pkg;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (Exception e) {
      throw XlsxFailures.classify(e);
    }
    try {
      XSSFReader reader = new XSSFReader(pkg);
      List<String> strings = SharedStringsReader.read(pkg, limits);
      boolean date1904;
      try (InputStream workbook = reader.getWorkbookData()) {
        date1904 = WorkbookDate1904.read(workbook);
      }
      return new XlsxRowSource(pkg, reader, new XlsxCellDecoder(strings, reader.getStylesTable(), date1904), limits);
    } catch (Exception e) {
      pkg.revert();
      throw XlsxFailures.classify(e);
    }
  }

  @Override
  public void readRows(RowHandler handler) {
    parseFirstSheet(SheetSaxHandler.decoding(limits, decoder, handler));
  }

  @Override
  public void readNonBlankRowNumbers(IntConsumer rowNumbers) {
    parseFirstSheet(SheetSaxHandler.counting(limits, decoder, rowNumbers));
  }

  private void parseFirstSheet(SheetSaxHandler handler) {
    try (InputStream sheet = firstSheet()) {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setFeature(DISALLOW_DOCTYPE, true);
      xml.setContentHandler(handler);
      xml.parse(new InputSource(sheet));
    } catch (IOException | SAXException | ParserConfigurationException | OpenXML4JException | POIXMLException e) {
      throw XlsxFailures.classify(e);
    }
  }

  private InputStream firstSheet() throws IOException, OpenXML4JException {
    Iterator<InputStream> sheets = reader.getSheetsData();
    if (!sheets.hasNext()) {
      throw new ImportException(ImportException.EMPTY_SHEET, "The workbook has no worksheet.");
    }
    return new XmlRunGuard(sheets.next(), "first sheet");
  }

  /**
   * Reads the ZIP directory (a damaged ZIP is corrupt, one without xl/workbook.xml is not a workbook) and inflates
   * the parts POI builds an object model of, refusing any over {@link #MAX_MODEL_PART_BYTES}.
   */
  private static void requireSpreadsheetML(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.getEntry("xl/workbook.bin") != null) {
        throw new ImportException(ImportException.UNSUPPORTED_FORMAT,
            "This is a binary Excel workbook (.xlsb): save it as .xlsx and upload again.");
      }
      if (zip.getEntry("xl/workbook.xml") == null) {
        throw new ImportException(ImportException.UNSUPPORTED_FORMAT,
            "This ZIP file is not an Excel workbook: upload an .xlsx or a CSV file.");
      }
      for (ZipEntry entry : Collections.list(zip.entries())) {
        if (isModelPart(entry.getName())) {
          requireSmall(zip, entry);
        }
      }
    } catch (IOException e) {
      throw XlsxFailures.classify(e);
    }
  }

  private static boolean isModelPart(String name) {
    return name.endsWith(".rels") || name.equals("[Content_Types].xml") || name.equals("xl/workbook.xml")
        || name.equals("xl/styles.xml");
  }

  private static void requireSmall(ZipFile zip, ZipEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] buffer = new byte[64 * 1024];
      long inflated = 0;
      for (int read; inflated <= MAX_MODEL_PART_BYTES && (read = in.read(buffer)) != -1; ) {
        inflated += read;
      }
      if (inflated > MAX_MODEL_PART_BYTES) {
        throw new ImportException(ImportException.ZIP_BOMB, "The workbook's " + entry.getName() + " expands to "
            + "more than " + MAX_MODEL_PART_BYTES / (1024 * 1024) + " MB, which Excel never writes; it was refused "
            + "as a possible zip bomb.");
      }
    }
  }

  @Override
  public String format() {
    return "xlsx";
  }

  @Override
  public String encoding() {
    return null;
  }

  @Override
  public char delimiter() {
    return 0;
  }

  @Override
  public void close() {
    pkg.revert();
  }
}
