package dev.vocero.activities.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ws.schild.jave.Encoder;
import ws.schild.jave.MultimediaObject;
import ws.schild.jave.encode.AudioAttributes;
import ws.schild.jave.encode.EncodingAttributes;

class AudioDecoderTest {

  @TempDir
  Path work;

  /** 3 s of tone, 2 s of silence, 3 s of tone. */
  private static final short[] SOUND = concat(TestAudio.tonesWithSilences(1, 3, 2), TestAudio.tonesWithSilences(1, 3, 0));

  @Test
  void givenA44kStereoWav_whenDecoded_itShouldBe16kMonoWithTheSameTiming() {
    short[] at44k = resampleNearest(SOUND, 44_100);
    byte[] wav = TestAudio.wav(at44k, 44_100f, 2);

    try (Pcm16k pcm = new AudioDecoder(work).decode(AudioSource.ofBytes("estereo.wav", "audio/wav", wav))) {
      assertEquals(8_000, pcm.durationMs(), 1);
      assertSoundWhereItWas(pcm);
    }
    assertEquals(0, files(), "temporary files are removed");
  }

  @ParameterizedTest
  @CsvSource({"mp3, libmp3lame, mp3", "ogg, libopus, ogg", "flac, flac, flac", "m4a, aac, ipod"})
  void givenACompressedFile_whenDecoded_itShouldBe16kMonoPcmWithTheSameTiming(String extension, String codec,
                                                                             String format) throws Exception {
    Path wav = work.resolve("source.wav");
    Files.write(wav, TestAudio.wav(SOUND, 16_000f, 1));
    Path compressed = work.resolve("sound." + extension);
    new Encoder().encode(new MultimediaObject(wav.toFile()), compressed.toFile(), new EncodingAttributes()
        .setOutputFormat(format).setAudioAttributes(new AudioAttributes().setCodec(codec).setChannels(1)
            .setSamplingRate(extension.equals("ogg") ? 48_000 : 16_000).setBitRate(64_000)));
    byte[] bytes = Files.readAllBytes(compressed);
    Files.delete(wav);
    Files.delete(compressed);

    try (Pcm16k pcm = new AudioDecoder(work).decode(AudioSource.ofBytes("sound." + extension, "audio/x", bytes))) {
      assertEquals(8_000, pcm.durationMs(), 120, "duration of " + extension);
      assertSoundWhereItWas(pcm);
    }
    assertEquals(0, files());
  }

  @Test
  void givenBytesThatAreNotAudio_whenDecoded_itShouldBeRejectedWithAHint() {
    AudioSource text = AudioSource.ofBytes("notas.mp3", "audio/mpeg", "esto no es audio".repeat(100).getBytes());

    SpeechException e = assertThrows(SpeechException.class, () -> new AudioDecoder(work).decode(text));

    assertEquals(SpeechException.Kind.REJECTED, e.getKind());
    assertTrue(e.getMessage().contains("notas.mp3") && e.getMessage().contains("wav, mp3"), e.getMessage());
    assertEquals(0, files());
  }

  private static void assertSoundWhereItWas(Pcm16k pcm) {
    double tone = pcm.energy(16_000, 32_000);
    double silence = pcm.energy(3 * 16_000 + 8_000, 5 * 16_000 - 8_000);
    double secondTone = pcm.energy(6 * 16_000, 7 * 16_000);
    assertTrue(tone > 1e6 && secondTone > 1e6, "tone energy " + tone + ", " + secondTone);
    assertTrue(silence < tone / 1000, "silence energy " + silence);
  }

  private long files() {
    try (var list = Files.list(work)) {
      return list.count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static short[] resampleNearest(short[] at16k, int rate) {
    short[] out = new short[(int) ((long) at16k.length * rate / 16_000)];
    for (int i = 0; i < out.length; i++) {
      double t = (double) i * 16_000 / rate;
      int k = (int) t;
      double f = t - k;
      int next = Math.min(at16k.length - 1, k + 1);
      out[i] = (short) Math.round(at16k[k] + (at16k[next] - at16k[k]) * f);
    }
    return out;
  }

  private static short[] concat(short[] a, short[] b) {
    short[] all = new short[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
