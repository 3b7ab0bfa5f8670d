package dev.vocero.api.audio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;

/** Decides the audio format from the bytes (Tika's magic numbers), never from the file name. */
public final class AudioType {
  private static final Tika TIKA = new Tika();

  /** Tika's answer → the content type we store and send to speech providers. */
  private static final Map<String, String> ACCEPTED = Map.ofEntries(
      Map.entry("audio/vnd.wave", "audio/wav"),
      Map.entry("audio/wav", "audio/wav"),
      Map.entry("audio/x-wav", "audio/wav"),
      Map.entry("audio/mpeg", "audio/mpeg"),
      Map.entry("audio/mp4", "audio/mp4"),
      Map.entry("audio/x-m4a", "audio/mp4"),
      Map.entry("video/mp4", "audio/mp4"),
      Map.entry("video/quicktime", "audio/mp4"),
      Map.entry("audio/ogg", "audio/ogg"),
      Map.entry("audio/opus", "audio/ogg"),
      Map.entry("audio/vorbis", "audio/ogg"),
      Map.entry("application/ogg", "audio/ogg"),
      Map.entry("audio/x-flac", "audio/flac"),
      Map.entry("audio/flac", "audio/flac"),
      Map.entry("audio/webm", "audio/webm"),
      Map.entry("video/webm", "audio/webm"),
      Map.entry("video/x-matroska", "audio/webm"),
      Map.entry("application/x-matroska", "audio/webm"));

  public static final String SUPPORTED = "wav, mp3, m4a/mp4, ogg/opus, flac, webm";

  private AudioType() {}

  /** The canonical audio content type, or empty when the bytes are not a supported audio format. */
  public static Optional<String> detect(InputStream head) throws IOException {
    String tika = TIKA.detect(head);
    if (tika.endsWith("x-matroska") && !isWebm(head)) {
      return Optional.empty(); // providers take WebM, not arbitrary Matroska
    }
    return Optional.ofNullable(ACCEPTED.get(tika));
  }

  /** WebM is Matroska whose EBML header names the DocType "webm". */
  private static boolean isWebm(InputStream head) throws IOException {
    if (!head.markSupported()) {
      return false;
    }
    head.mark(64);
    byte[] bytes = head.readNBytes(64);
    head.reset();
    return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("webm");
  }

  /** What Tika thinks the bytes are, for error messages. */
  public static String describe(InputStream head) throws IOException {
    return TIKA.detect(head);
  }
}
