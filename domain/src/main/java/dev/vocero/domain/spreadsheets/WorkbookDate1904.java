package dev.vocero.domain.spreadsheets;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** Reads workbookPr/@date1904 from workbook.xml: old Mac workbooks count date serials from 1904. */
final class WorkbookDate1904 extends DefaultHandler {
  private boolean date1904;

  private WorkbookDate1904() {
  }

  static boolean read(InputStream workbookXml) throws IOException, SAXException, ParserConfigurationException {
    WorkbookDate1904 handler = new WorkbookDate1904();
    XMLReader xml = XMLHelper.newXMLReader();
    xml.setContentHandler(handler);
    xml.parse(new InputSource(workbookXml));
    return handler.date1904;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    if ("workbookPr".equals(localName)) {
      String value = attributes.getValue("date1904");
      date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
    }
  }
}
