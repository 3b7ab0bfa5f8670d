package dev.vocero.domain.spreadsheets;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads sharedStrings.xml into plain strings, rich-text runs joined and phonetic runs dropped, packed into one
 * buffer within {@link SheetLimits}. POI's ReadOnlySharedStringsTable does the same but keeps a String per entry and
 * wraps every lookup in a new XMLBeans rich-text object, which doubled the time of a 100,000-row sheet.
 */
final class SharedStringsReader extends DefaultHandler {
  private final SheetLimits limits;
  private final PackedStrings strings = new PackedStrings();
  private final StringBuilder text = new StringBuilder();
  private boolean inText;
  private boolean inPhonetic;

  private SharedStringsReader(SheetLimits limits) {
    this.limits = limits;
  }

  static PackedStrings read(OPCPackage pkg, SheetLimits limits)
      throws IOException, SAXException, ParserConfigurationException {
    List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
    if (parts.isEmpty()) {
      return new PackedStrings();
    }
    SharedStringsReader reader = new SharedStringsReader(limits);
    try (InputStream in = new XmlRunGuard(parts.get(0).getInputStream(), "shared strings")) {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setFeature(XlsxRowSource.DISALLOW_DOCTYPE, true);
      xml.setContentHandler(reader);
      xml.parse(new InputSource(in));
    }
    return reader.strings;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    switch (localName) {
      case "si" -> text.setLength(0);
      case "t" -> inText = !inPhonetic;
      case "rPh" -> inPhonetic = true;
      default -> {
      }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    switch (localName) {
      case "si" -> add();
      case "t" -> inText = false;
      case "rPh" -> inPhonetic = false;
      default -> {
      }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (inText) {
      if (text.length() + length > limits.maxCellChars()) {
        throw new ImportException(ImportException.CELL_TOO_LONG, String.format("Text number %,d of the workbook "
            + "is longer than %,d characters, more than an Excel cell can hold; it was refused as damaged or hostile.",
            strings.size() + 1, limits.maxCellChars()));
      }
      text.append(ch, start, length);
    }
  }

  private void add() {
    if (strings.size() >= limits.maxSharedStrings()
        || strings.totalChars() + text.length() > limits.maxSharedStringChars()) {
      throw new ImportException(ImportException.TOO_MANY_STRINGS, String.format("The workbook holds more than "
          + "%,d different texts or %,d characters of text, far more than a contact list needs; split it or save "
          + "it as CSV UTF-8.", limits.maxSharedStrings(), limits.maxSharedStringChars()));
    }
    strings.add(text);
  }
}
