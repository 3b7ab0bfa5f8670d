package dev.vocero.activities.recordings;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The formats telephony providers record in, told from the first bytes (the Content-Type only as a last word). */
final class AudioFormat {
  private AudioFormat() {}

  static Optional<String> of(byte[] head, int length, String contentType) {
    String ascii = new String(head, 0, length, StandardCharsets.ISO_8859_1);
    if (length >= 12 && ascii.startsWith("RIFF") && ascii.startsWith("WAVE", 8)) {
      return Optional.of("audio/wav");
    }
    if (ascii.startsWith("ID3") || length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0) {
      return Optional.of("audio/mpeg");
    }
    String declared = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (length > 0 && (declared.startsWith("audio/ogg") || declared.startsWith("audio/webm"))) {
      return Optional.of(declared.startsWith("audio/ogg") ? "audio/ogg" : "audio/webm");
    }
    return Optional.empty();
  }
}
