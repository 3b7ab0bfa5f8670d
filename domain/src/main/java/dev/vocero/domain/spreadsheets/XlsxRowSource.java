package dev.vocero.domain.spreadsheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.IntConsumer;
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
 * within {@link SheetLimits}. The streamed parts are guarded against runs without markup ({@link XmlRunGuard}), the
 * parts POI parses whole are capped in size ({@link ModelPartLimit}).
 */
final class XlsxRowSource implements RowSource {
  static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

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
      ModelPartLimit.checkModelParts(pkg);
      XSSFReader reader = new XSSFReader(pkg);
      PackedStrings strings = SharedStringsReader.read(pkg, limits);
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
   * Reads the ZIP directory (a damaged ZIP is corrupt, one without xl/workbook.xml is not a workbook) and checks the
   * size of the parts POI parses while opening the package.
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
      ModelPartLimit.checkPackageParts(zip);
    } catch (IOException e) {
      throw XlsxFailures.classify(e);
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
