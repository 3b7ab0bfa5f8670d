package dev.vocero.activities.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.givimad.whisperjni.WhisperFullParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class WhisperLocalSpeechToTextTest {

  @TempDir
  Path dir;

  private static WhisperLocalSpeechToText adapter(String modelPath, String language) {
    SpeechConfig config = new SpeechConfig();
    config.setProvider("whisper-local");
    config.setLanguage(language);
    config.getWhisperLocal().setModelPath(modelPath);
    return new WhisperLocalSpeechToText(config);
  }

  private static float[] speechLike() {
    return TestAudio.floats(TestAudio.tonesWithSilences(3, 1, 0.5));
  }

  @Test
  void givenNoModelPath_whenTranscribing_itShouldFailAsNotConfiguredSayingHowToGetAModel() {
    SpeechException e = assertThrows(SpeechException.class,
        () -> adapter(null, "es").transcribePcm(speechLike(), null, null));

    assertEquals(SpeechException.Kind.NOT_CONFIGURED, e.getKind());
    assertTrue(e.getMessage().contains("speech.whisperLocal.modelPath is empty"), e.getMessage());
    assertTrue(e.getMessage().contains("ggml-base.bin"), e.getMessage());
  }

  @Test
  void givenAMissingModelFile_whenTranscribing_itShouldFailAsNotConfiguredNamingThePath() {
    Path missing = dir.resolve("ggml-small.bin");

    SpeechException e = assertThrows(SpeechException.class,
        () -> adapter(missing.toString(), null).transcribePcm(speechLike(), "es", null));

    assertEquals(SpeechException.Kind.NOT_CONFIGURED, e.getKind());
    assertTrue(e.getMessage().contains(missing.toAbsolutePath() + " (speech.whisperLocal.modelPath) does not exist"),
        e.getMessage());
  }

  @Test
  void givenADirectoryAsModel_whenTranscribing_itShouldFailAsNotConfigured() {
    SpeechException e = assertThrows(SpeechException.class,
        () -> adapter(dir.toString(), null).transcribePcm(speechLike(), "es", null));

    assertEquals(SpeechException.Kind.NOT_CONFIGURED, e.getKind());
    assertTrue(e.getMessage().contains("not a readable file"), e.getMessage());
  }

  @Test
  @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
  void givenAFileThatIsNotAModel_whenTranscribing_itShouldLoadTheNativeLibraryAndFailAsNotConfigured()
      throws Exception {
    Path garbage = dir.resolve("ggml-base.bin");
    byte[] bytes = new byte[64 * 1024];
    new Random(7).nextBytes(bytes);
    Files.write(garbage, bytes);

    assertNotNull(WhisperLocalSpeechToText.nativeLibrary().getSystemInfo(), "whisper.cpp loads on linux x86_64");
    SpeechException e = assertThrows(SpeechException.class,
        () -> adapter(garbage.toString(), null).transcribePcm(speechLike(), "es", null));

    assertEquals(SpeechException.Kind.NOT_CONFIGURED, e.getKind());
    assertTrue(e.getMessage().contains("not a ggml whisper model"), e.getMessage());
  }

  @Test
  void givenSilenceOrFaintNoise_whenTranscribing_itShouldReturnNoSegmentsWithoutRunningTheModel() {
    // the model path is missing: reaching the model would throw, so an empty answer proves the gate ran first
    WhisperLocalSpeechToText whisper = adapter(dir.resolve("absent.bin").toString(), "es");
    float[] silence = new float[16_000 * 30];
    float[] hiss = new float[16_000 * 30];
    Random random = new Random(1);
    for (int i = 0; i < hiss.length; i++) {
      hiss[i] = (float) (random.nextGaussian() * 0.002); // about -54 dBFS
    }

    Transcript quiet = whisper.transcribePcm(silence, null, null);
    Transcript noise = whisper.transcribePcm(hiss, null, "texto anterior");

    assertTrue(quiet.segments().isEmpty());
    assertTrue(noise.segments().isEmpty());
    assertEquals(30_000, quiet.durationMs());
    assertEquals("es", quiet.language());
  }

  @Test
  void givenTheGate_itShouldTellSilenceFromSound() {
    SilenceGate gate = new SilenceGate(SilenceGate.DEFAULT_THRESHOLD_DBFS);
    float[] sound = speechLike();

    assertFalse(gate.silent(sound));
    assertTrue(gate.silent(sound, 16_000 + 100, 16_000 + 7_900), "the half-second pause after the first tone");
    assertTrue(gate.silent(new float[1600]));
    assertThrows(IllegalArgumentException.class, () -> new SilenceGate(3.0));
  }

  @Test
  void givenLanguages_itShouldPassTheConfiguredOneOrAutoButNeverDefaultToEnglish() {
    assertEquals("auto", WhisperLanguage.param(null, null));
    assertEquals("auto", WhisperLanguage.param(" ", "auto"));
    assertEquals("es", WhisperLanguage.param("Spanish", null));
    assertEquals("es", WhisperLanguage.param("es-MX", "en"));
    assertEquals("pt", WhisperLanguage.param(null, "pt"));
    SpeechException bad = assertThrows(SpeechException.class, () -> WhisperLanguage.param("klingon!", null));
    assertEquals(SpeechException.Kind.REJECTED, bad.getKind());

    WhisperFullParams auto = adapter("m.bin", null).params(WhisperLanguage.param(null, null), null);
    WhisperFullParams spanish = adapter("m.bin", "es").params("es", "la deuda de marzo");
    assertEquals("auto", auto.language, "whisper-jni's own default would be en");
    assertFalse(auto.detectLanguage, "detectLanguage alone would stop after detection");
    assertNull(auto.initialPrompt);
    assertEquals("es", spanish.language);
    assertEquals("la deuda de marzo", spanish.initialPrompt);
    assertFalse(spanish.printProgress);
  }

  @Test
  void givenTheFactory_itShouldBuildWhisperLocalEvenWithoutAModelSoTheWorkerStarts() {
    SpeechConfig config = new SpeechConfig();
    config.setProvider("whisper-local");

    SpeechToText speech = SpeechToTextFactory.create(config);

    assertEquals("whisper-local", speech.provider());
    assertTrue(speech instanceof PcmSpeechToText);
    assertEquals(600_000, speech.chunkLimits().maxChunkMs());
  }
}
