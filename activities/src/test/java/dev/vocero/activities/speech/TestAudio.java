package dev.vocero.activities.speech;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Generated audio: tones separated by silences, as 16 kHz samples or a real WAV file. */
final class TestAudio {

  private TestAudio() {
  }

  /** {@code count} tones of {@code toneSeconds} each followed by {@code silenceSeconds} of silence. */
  static short[] tonesWithSilences(int count, double toneSeconds, double silenceSeconds) {
    int tone = (int) (toneSeconds * Pcm16k.RATE);
    int silence = (int) (silenceSeconds * Pcm16k.RATE);
    short[] samples = new short[count * (tone + silence)];
    for (int t = 0; t < count; t++) {
      double hz = 300 + 40 * (t % 10);
      for (int i = 0; i < tone; i++) {
        samples[t * (tone + silence) + i] = (short) (Math.sin(2 * Math.PI * hz * i / Pcm16k.RATE) * 9000);
      }
    }
    return samples;
  }

  static byte[] wav(short[] samples, float rate, int channels) {
    byte[] pcm = new byte[samples.length * 2 * channels];
    for (int i = 0; i < samples.length; i++) {
      for (int c = 0; c < channels; c++) {
        int at = (i * channels + c) * 2;
        pcm[at] = (byte) samples[i];
        pcm[at + 1] = (byte) (samples[i] >> 8);
      }
    }
    AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples.length)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float[] floats(short[] samples) {
    float[] out = new float[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = samples[i] / 32768f;
    }
    return out;
  }
}
