package dev.vocero.activities.speech;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ws.schild.jave.Encoder;
import ws.schild.jave.EncoderException;
import ws.schild.jave.MultimediaObject;
import ws.schild.jave.encode.AudioAttributes;
import ws.schild.jave.encode.EncodingAttributes;

/**
 * Decodes any audio to 16 kHz mono 16-bit PCM. 16-bit PCM WAV is read in Java (down-mixed and resampled by linear
 * interpolation); everything else (mp3, m4a/aac, ogg/opus, webm, flac, other WAV encodings) goes through the ffmpeg
 * binary that JAVE2 ships for this platform.
 */
public final class AudioDecoder {

  private static final Logger LOG = LoggerFactory.getLogger(AudioDecoder.class);

  private final Path workDir;

  public AudioDecoder() {
    this(Path.of(System.getProperty("java.io.tmpdir")));
  }

  public AudioDecoder(Path workDir) {
    this.workDir = workDir;
  }

  /** @throws SpeechException REJECTED when the bytes are not audio ffmpeg can read, RETRYABLE on I/O trouble */
  public Pcm16k decode(AudioSource audio) {
    Path input = null;
    Path raw = null;
    try {
      Files.createDirectories(workDir);
      input = Files.createTempFile(workDir, "vocero-in-", ".audio");
      raw = Files.createTempFile(workDir, "vocero-pcm-", ".s16le");
      try (InputStream in = audio.content().open()) {
        Files.copy(in, input, StandardCopyOption.REPLACE_EXISTING);
      }
      long started = System.nanoTime();
      boolean java = readPcmWav(input, raw);
      if (!java) {
        ffmpeg(input, raw, audio.filename());
      }
      Pcm16k pcm = Pcm16k.mapAndOwn(raw);
      LOG.info("decoded audio ({} bytes) with {} to {} ms of 16 kHz PCM in {} ms", Files.size(input),
          java ? "java" : "ffmpeg", pcm.durationMs(), (System.nanoTime() - started) / 1_000_000);
      raw = null;
      return pcm;
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Kind.RETRYABLE, 0, null, "Could not decode the audio '"
          + audio.filename() + "' to PCM (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "); will retry. Check free space in " + workDir + ".", e);
    } finally {
      deleteQuietly(input);
      deleteQuietly(raw);
    }
  }

  /** False when the file is not a WAV that Java reads as 8/16-bit PCM; then ffmpeg decodes it. */
  static boolean readPcmWav(Path input, Path raw) throws IOException {
    AudioInputStream wav;
    try {
      wav = AudioSystem.getAudioInputStream(input.toFile());
    } catch (UnsupportedAudioFileException e) {
      return false;
    }
    try (AudioInputStream in = wav; OutputStream out = new BufferedOutputStream(Files.newOutputStream(raw))) {
      AudioFormat format = in.getFormat();
      boolean signed16 = format.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && format.getSampleSizeInBits() == 16;
      if (!signed16 || format.getChannels() < 1 || format.getSampleRate() <= 0) {
        return false;
      }
      Resampler resampler = new Resampler(format.getSampleRate(), out);
      int channels = format.getChannels();
      byte[] buffer = new byte[channels * 2 * 4096];
      int filled = 0;
      for (int n; (n = in.read(buffer, filled, buffer.length - filled)) >= 0; ) {
        filled += n;
        int frames = filled / (channels * 2);
        for (int f = 0; f < frames; f++) {
          int sum = 0;
          for (int c = 0; c < channels; c++) {
            int at = (f * channels + c) * 2;
            sum += format.isBigEndian() ? (short) ((buffer[at] << 8) | (buffer[at + 1] & 0xff))
                : (short) ((buffer[at + 1] << 8) | (buffer[at] & 0xff));
          }
          resampler.accept(sum / channels);
        }
        int used = frames * channels * 2;
        System.arraycopy(buffer, used, buffer, 0, filled - used);
        filled -= used;
      }
      return true;
    }
  }

  private static void ffmpeg(Path input, Path raw, String filename) {
    AudioAttributes audio = new AudioAttributes().setCodec("pcm_s16le").setChannels(1).setSamplingRate(Pcm16k.RATE);
    EncodingAttributes attributes = new EncodingAttributes().setOutputFormat("s16le").setAudioAttributes(audio);
    try {
      File target = raw.toFile();
      new Encoder().encode(new MultimediaObject(input.toFile()), target, attributes);
    } catch (EncoderException | IllegalArgumentException e) {
      String said = SpeechErrors.providerMessage(String.valueOf(e.getMessage()), null);
      throw new SpeechException(SpeechException.Kind.REJECTED, 0, null, "Could not decode the audio '" + filename
          + "': ffmpeg does not read it as audio (" + said + "). Upload wav, mp3, m4a, ogg/opus, webm or flac.", e);
    }
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // a temp file left behind is removed with the temp directory
      }
    }
  }

  /** Streaming linear-interpolation resampler to 16 kHz writing little-endian s16. */
  private static final class Resampler {
    private final double step;
    private final OutputStream out;
    private double position;
    private long index = -1;
    private int previous;

    Resampler(float inputRate, OutputStream out) {
      this.step = inputRate / Pcm16k.RATE;
      this.out = out;
    }

    void accept(int sample) throws IOException {
      index++;
      if (index == 0) {
        previous = sample;
      }
      while (position <= index) {
        double fraction = position - (index - 1);
        int value = index == 0 ? sample : (int) Math.round(previous + (sample - previous) * fraction);
        out.write(value & 0xff);
        out.write((value >> 8) & 0xff);
        position += step;
      }
      previous = sample;
    }
  }
}
