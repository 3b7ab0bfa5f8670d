package dev.vocero.activities.speech;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Decoded audio as 16 kHz mono signed 16-bit samples. Long audio stays in a memory-mapped temporary file (an hour
 * is 115 MB), which is deleted on {@link #close()}.
 */
public final class Pcm16k implements Closeable {

  public static final int RATE = 16_000;
  static final int FRAME_MS = 20;
  static final int FRAME = RATE * FRAME_MS / 1000;

  private final ShortBuffer samples;
  private final Path file;

  private Pcm16k(ShortBuffer samples, Path file) {
    this.samples = samples;
    this.file = file;
  }

  /** Samples held in memory (tests, short audio). */
  public static Pcm16k of(short[] samples) {
    return new Pcm16k(ShortBuffer.wrap(samples.clone()).asReadOnlyBuffer(), null);
  }

  /** Maps a raw little-endian s16 file; the file is deleted when this is closed. */
  static Pcm16k mapAndOwn(Path raw) throws IOException {
    try (FileChannel channel = FileChannel.open(raw, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE) {
        throw new IOException("decoded audio is over 2 GB (about 18 hours): too long to transcribe in one audio");
      }
      ShortBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size & ~1L)
          .order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
      return new Pcm16k(mapped, raw);
    }
  }

  public int length() {
    return samples.limit();
  }

  public long durationMs() {
    return toMs(length());
  }

  static long toMs(long sample) {
    return sample * 1000 / RATE;
  }

  short[] read(int from, int to) {
    short[] out = new short[to - from];
    samples.duplicate().position(from).get(out);
    return out;
  }

  /** Samples scaled to [-1, 1), as whisper.cpp takes them. */
  public float[] floats(int from, int to) {
    short[] raw = read(from, to);
    float[] out = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = raw[i] / 32768f;
    }
    return out;
  }

  /** Mean energy (sum of squares / count) of the samples in [from, to), on the 16-bit scale. */
  double energy(int from, int to) {
    if (to <= from) {
      return 0;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      double v = samples.get(i);
      sum += v * v;
    }
    return sum / (to - from);
  }

  /** The samples [from, to) as a 16 kHz mono 16-bit PCM WAV file. */
  byte[] wav(int from, int to) {
    int dataBytes = (to - from) * 2;
    ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
        .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2)
        .putShort((short) 16).put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
    ShortBuffer view = samples.duplicate();
    for (int i = from; i < to; i++) {
      out.putShort(view.get(i));
    }
    return out.array();
  }

  @Override
  public void close() {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("could not delete decoded audio " + file, e);
      }
    }
  }
}
