package dev.vocero.domain.spreadsheets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The upload copied to a temp file, so a workbook can be opened with random access and a CSV read twice. */
final class Upload implements AutoCloseable {
  private static final int HEAD_BYTES = 8192;

  private final Path file;
  private final byte[] head;

  private Upload(Path file, byte[] head) {
    this.file = file;
    this.head = head;
  }

  static Upload spool(InputStream in, long maxBytes) {
    Path file = createTempFile();
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      byte[] head = new byte[HEAD_BYTES];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (total < HEAD_BYTES) {
          System.arraycopy(buffer, 0, head, (int) total, (int) Math.min(read, HEAD_BYTES - total));
        }
        total += read;
        if (total > maxBytes) {
          throw new ImportException(ImportException.FILE_TOO_LARGE,
              "The file is larger than the " + maxBytes / (1024 * 1024) + " MB allowed.");
        }
        out.write(buffer, 0, read);
      }
      return new Upload(file, Arrays.copyOf(head, (int) Math.min(total, HEAD_BYTES)));
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException("could not store the upload", e);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  Path file() {
    return file;
  }

  /** The first bytes of the upload (up to 8 KiB), for sniffing the format. */
  byte[] head() {
    return head.clone();
  }

  @Override
  public void close() {
    delete(file);
  }

  private static Path createTempFile() {
    try {
      return Files.createTempFile("vocero-import-", ".upload");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a temp file for the upload", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the OS temp cleaner gets it; the import result does not depend on it
    }
  }
}
