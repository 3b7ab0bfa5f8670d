package dev.vocero.domain.spreadsheets;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * POI reads some workbook parts whole into an object model (DOM or XMLBeans): the content types, relationships,
 * workbook, styles and theme. Excel writes them in kilobytes; any XML part but the worksheets and shared strings
 * (which are streamed) that inflates past {@link #MAX_BYTES} is refused as a zip bomb before POI parses it.
 */
final class ModelPartLimit {
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private ModelPartLimit() {
  }

  /**
   * Before POI opens the package (which parses content types, relationships and core properties): the number of
   * entries, and every XML entry except the worksheets and shared strings where every writer puts them.
   */
  static void checkPackageParts(ZipFile zip) throws IOException {
    if (zip.size() > ZipSecureFile.getMaxFileCount()) { // before POI builds an object per entry
      throw new ImportException(ImportException.ZIP_BOMB, String.format("The workbook holds %,d files inside, more "
          + "than the %,d an Excel workbook ever has; it was refused as a possible zip bomb.", zip.size(),
          ZipSecureFile.getMaxFileCount()));
    }
    for (ZipEntry entry : Collections.list(zip.entries())) {
      String name = entry.getName();
      if ((name.endsWith(".xml") || name.endsWith(".rels")) && !name.startsWith("xl/worksheets/")
          && !name.equals("xl/sharedStrings.xml")) {
        try (InputStream in = zip.getInputStream(entry)) {
          check(in, entry.getName());
        }
      }
    }
  }

  /** After opening, before anything else is parsed: the XML parts found by content type, whatever their names. */
  static void checkModelParts(OPCPackage pkg) throws IOException, InvalidFormatException {
    for (PackagePart part : pkg.getParts()) {
      String type = part.getContentType();
      if (!part.isRelationshipPart() && !(part instanceof PackagePropertiesPart) && type.endsWith("xml") && !type.equals(XSSFRelation.WORKSHEET.getContentType())
          && !type.equals(XSSFRelation.SHARED_STRINGS.getContentType())) {
        try (InputStream in = part.getInputStream()) {
          check(in, part.getPartName().getName());
        }
      }
    }
  }

  private static void check(InputStream in, String name) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long inflated = 0;
    for (int read; inflated <= MAX_BYTES && (read = in.read(buffer)) != -1; ) {
      inflated += read;
    }
    if (inflated > MAX_BYTES) {
      throw new ImportException(ImportException.ZIP_BOMB, "The workbook's " + name.replaceFirst("^/", "")
          + " expands to more than " + MAX_BYTES / (1024 * 1024) + " MB, which Excel never writes; it was refused as "
          + "a possible zip bomb.");
    }
  }
}
