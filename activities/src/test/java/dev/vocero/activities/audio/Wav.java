package dev.vocero.activities.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** A real 16 kHz mono WAV: {@code count} tones, each followed by a pause. */
final class Wav {
  private Wav() {
  }

  static byte[] tonesWithPauses(int count, double toneSeconds, double pauseSeconds) {
    int tone = (int) (toneSeconds * 16_000);
    int period = tone + (int) (pauseSeconds * 16_000);
    byte[] pcm = new byte[count * period * 2];
    for (int t = 0; t < count; t++) {
      for (int i = 0; i < tone; i++) {
        short v = (short) (Math.sin(2 * Math.PI * (300 + 30 * t) * i / 16_000.0) * 8000);
        int at = (t * period + i) * 2;
        pcm[at] = (byte) v;
        pcm[at + 1] = (byte) (v >> 8);
      }
    }
    AudioFormat format = new AudioFormat(16_000f, 16, 1, true, false);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
