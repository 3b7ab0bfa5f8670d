package dev.vocero.activities.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/** Shared test data: provider responses from src/test/resources/speech and binary audio that is not valid UTF-8. */
final class SpeechFixtures {

  /** Includes NUL, 0xFF and a CRLF-dash sequence so broken multipart framing or text decoding shows up. */
  static final byte[] AUDIO = concat("RIFF\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1),
      new byte[] {0, (byte) 0xFF, (byte) 0xFE, 13, 10, '-', '-', 7, (byte) 0x80, 42});

  private SpeechFixtures() {
  }

  static String resource(String name) {
    try (InputStream in = SpeechFixtures.class.getResourceAsStream("/speech/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource /speech/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AudioSource wav() {
    return AudioSource.ofBytes("llamada-42.wav", "audio/wav", AUDIO);
  }

  /** A local port nothing listens on, for connection-refused tests. */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
