package dev.vocero.domain.spreadsheets;

import java.util.Locale;

/** Turns whatever POI or the XML parser threw on a hostile or damaged workbook into a file-level code. */
final class XlsxFailures {
  private XlsxFailures() {
  }

  static ImportException classify(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ImportException known) {
        return known;
      }
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("zip bomb") || message.contains("potentially malicious")) {
        return new ImportException(ImportException.ZIP_BOMB, "The workbook expands to far more data than its size "
            + "suggests and was refused as a possible zip bomb.", failure);
      }
      if (message.contains("doctype") || message.contains("dtd") || message.contains("entity expansion")) {
        return new ImportException(ImportException.XML_ENTITIES, "The workbook contains XML entity declarations, "
            + "which Excel never writes; it was refused as unsafe.", failure);
      }
    }
    return new ImportException(ImportException.CORRUPT_FILE, "The workbook is damaged or incomplete; open it in "
        + "Excel, save it again as .xlsx and upload it again.", failure);
  }
}
