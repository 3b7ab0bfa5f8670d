package dev.vocero.workers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Real PCM WAV files written with javax.sound: a tone of the given length, different per seed. */
public final class Wav {
  private Wav() {}

  public static byte[] tone(double seconds, double hz) {
    float rate = 16_000f;
    int samples = (int) (seconds * rate);
    byte[] pcm = new byte[samples * 2];
    for (int i = 0; i < samples; i++) {
      short v = (short) (Math.sin(2 * Math.PI * hz * i / rate) * 8000);
      pcm[2 * i] = (byte) v;
      pcm[2 * i + 1] = (byte) (v >> 8);
    }
    AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
