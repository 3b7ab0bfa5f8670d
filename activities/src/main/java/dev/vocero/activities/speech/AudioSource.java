package dev.vocero.activities.speech;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Audio to transcribe. {@code content} is opened once per provider call and streamed, so large files
 * are never held in memory; {@code sizeBytes} must be the exact length of that stream.
 */
public record AudioSource(String filename, String contentType, long sizeBytes, InputStreamSupplier content) {

  public AudioSource {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(content, "content");
    if (contentType == null || contentType.isBlank()) {
      contentType = "application/octet-stream";
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must be >= 0 but was " + sizeBytes);
    }
  }

  public static AudioSource ofPath(Path path, String contentType) throws IOException {
    return new AudioSource(path.getFileName().toString(), contentType, Files.size(path),
        () -> Files.newInputStream(path));
  }

  public static AudioSource ofBytes(String filename, String contentType, byte[] bytes) {
    byte[] copy = bytes.clone();
    return new AudioSource(filename, contentType, copy.length, () -> new ByteArrayInputStream(copy));
  }

  @FunctionalInterface
  public interface InputStreamSupplier {
    InputStream open() throws IOException;
  }
}
