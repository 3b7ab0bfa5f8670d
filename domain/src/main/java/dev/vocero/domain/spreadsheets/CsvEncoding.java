package dev.vocero.domain.spreadsheets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The charset of a CSV: a BOM wins; otherwise UTF-8 when every byte sequence is valid UTF-8, else Windows-1252
 * (what Spanish Excel writes for "CSV"). Text with NUL bytes and no BOM is UTF-16 we cannot place, or not text.
 */
record CsvEncoding(Charset charset, int bomLength) {
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  static CsvEncoding detect(Path file, byte[] head) {
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      return new CsvEncoding(StandardCharsets.UTF_8, 3);
    }
    if (startsWith(head, 0xFF, 0xFE)) {
      return new CsvEncoding(StandardCharsets.UTF_16LE, 2);
    }
    if (startsWith(head, 0xFE, 0xFF)) {
      return new CsvEncoding(StandardCharsets.UTF_16BE, 2);
    }
    rejectBinary(head);
    ByteScan scan = scan(file);
    if (scan.utf8()) {
      return new CsvEncoding(StandardCharsets.UTF_8, 0);
    }
    if (scan.undefinedInWindows1252()) {
      throw new ImportException(ImportException.UNREADABLE_ENCODING, "The text is neither UTF-8 nor Windows-1252 "
          + "(Latin-1): save it from Excel as \"CSV UTF-8\" and upload again.");
    }
    return new CsvEncoding(WINDOWS_1252, 0);
  }

  private static void rejectBinary(byte[] head) {
    int nulAtEven = 0;
    int nulAtOdd = 0;
    int control = 0;
    for (int i = 0; i < head.length; i++) {
      int b = head[i] & 0xFF;
      if (b == 0) {
        if (i % 2 == 0) {
          nulAtEven++;
        } else {
          nulAtOdd++;
        }
      } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) {
        control++;
      }
    }
    int half = head.length / 2;
    if (half > 0 && (nulAtEven > half * 0.3 || nulAtOdd > half * 0.3) && Math.min(nulAtEven, nulAtOdd) == 0) {
      throw new ImportException(ImportException.UNREADABLE_ENCODING, "The text looks like UTF-16 without a byte "
          + "order mark: save it from Excel as \"CSV UTF-8\" and upload again.");
    }
    if (nulAtEven + nulAtOdd > 0 || control > head.length / 100) {
      throw FormatSniffer.unsupported();
    }
  }

  private record ByteScan(boolean utf8, boolean undefinedInWindows1252) {
  }

  private static ByteScan scan(Path file) {
    Utf8Validator utf8 = new Utf8Validator();
    boolean undefined = false;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) != -1) {
        for (int i = 0; i < read; i++) {
          int b = buffer[i] & 0xFF;
          utf8.accept(b);
          undefined |= b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ByteScan(utf8.valid(), undefined);
  }

  private static boolean startsWith(byte[] head, int... bom) {
    if (head.length < bom.length) {
      return false;
    }
    for (int i = 0; i < bom.length; i++) {
      if ((head[i] & 0xFF) != bom[i]) {
        return false;
      }
    }
    return true;
  }
}
