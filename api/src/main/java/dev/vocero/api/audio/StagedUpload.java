package dev.vocero.api.audio;

import dev.vocero.api.errors.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An upload streamed to a staging file while its SHA-256 and size are computed; deleted on close. */
final class StagedUpload implements AutoCloseable {
  private final Path file;
  private final String sha256;
  private final long size;

  private StagedUpload(Path file, String sha256, long size) {
    this.file = file;
    this.sha256 = sha256;
    this.size = size;
  }

  static StagedUpload stage(InputStream in, Path stagingDir, long maxBytes) throws IOException {
    Path file = stagingDir == null ? Files.createTempFile("vocero-upload-", ".part")
        : Files.createTempFile(Files.createDirectories(stagingDir), "vocero-upload-", ".part");
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long size = 0;
      try (InputStream source = new DigestInputStream(in, digest); OutputStream out = Files.newOutputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = source.read(buffer)) != -1; ) {
          size += n;
          if (size > maxBytes) {
            throw new ApiException(413, "file_too_large",
                "The file is larger than the limit of " + (maxBytes / (1024 * 1024)) + " MB (uploads.maxBytes).");
          }
          out.write(buffer, 0, n);
        }
      }
      return new StagedUpload(file, HexFormat.of().formatHex(digest.digest()), size);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    } catch (NoSuchAlgorithmException e) {
      Files.deleteIfExists(file);
      throw new IllegalStateException(e);
    }
  }

  Path file() {
    return file;
  }

  String sha256() {
    return sha256;
  }

  long size() {
    return size;
  }

  InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
