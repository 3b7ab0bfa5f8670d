package dev.vocero.domain.spreadsheets;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Decides xlsx or CSV from the first bytes, whatever the file name says. */
final class FormatSniffer {
  enum Format { XLSX, CSV }

  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};
  private static final byte[][] OTHER_BINARIES = {
      "%PDF".getBytes(StandardCharsets.US_ASCII), {(byte) 0x89, 'P', 'N', 'G'}, {(byte) 0xFF, (byte) 0xD8,
      (byte) 0xFF}, "GIF8".getBytes(StandardCharsets.US_ASCII), {0x1F, (byte) 0x8B}, "Rar!".getBytes(
      StandardCharsets.US_ASCII), {'7', 'z', (byte) 0xBC, (byte) 0xAF}, {0x50, 0x4B, 0x05, 0x06}};

  private FormatSniffer() {
  }

  static Format sniff(byte[] head) {
    if (startsWith(head, ZIP)) {
      return Format.XLSX;
    }
    if (startsWith(head, OLE2)) {
      throw new ImportException(ImportException.UNSUPPORTED_FORMAT, "This is an old Excel .xls file or a "
          + "password-protected workbook: save it as .xlsx (without a password) or as CSV UTF-8 and upload again.");
    }
    for (byte[] magic : OTHER_BINARIES) {
      if (startsWith(head, magic)) {
        throw unsupported();
      }
    }
    if (looksLikeMarkup(head)) {
      throw new ImportException(ImportException.UNSUPPORTED_FORMAT, "This is an HTML or XML export, not a "
          + "spreadsheet: open it in Excel and save it as .xlsx or CSV UTF-8.");
    }
    return Format.CSV;
  }

  static ImportException unsupported() {
    return new ImportException(ImportException.UNSUPPORTED_FORMAT,
        "Upload an Excel workbook (.xlsx) or a CSV file.");
  }

  private static boolean looksLikeMarkup(byte[] head) {
    String start = new String(head, 0, Math.min(head.length, 256), StandardCharsets.ISO_8859_1)
        .replace("\uFEFF", "").replace("ï»¿", "").stripLeading().toLowerCase(Locale.ROOT);
    return start.startsWith("<?xml") || start.startsWith("<html") || start.startsWith("<!doctype")
        || start.startsWith("<table");
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
