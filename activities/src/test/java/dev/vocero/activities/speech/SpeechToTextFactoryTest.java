package dev.vocero.activities.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpeechToTextFactoryTest {

  private static SpeechConfig provider(String name) {
    SpeechConfig config = new SpeechConfig();
    config.setProvider(name);
    return config;
  }

  @Test
  void givenNoProvider_whenTranscribing_itShouldExplainHowToConfigureOne() {
    SpeechToText stt = SpeechToTextFactory.create(new SpeechConfig());

    SpeechException e = assertThrows(SpeechException.class, () -> stt.transcribe(SpeechFixtures.wav(), "es"));

    assertEquals("none", stt.provider());
    assertEquals(SpeechException.Kind.NOT_CONFIGURED, e.getKind());
    assertTrue(e.getMessage().contains("Set speech.provider to openai, gemini, whisper-cpp or whisper-local"), e.getMessage());
    assertTrue(e.getMessage().contains("-Ddw.speech.provider=openai"), e.getMessage());
  }

  @Test
  void givenANullConfig_whenCreating_itShouldBehaveAsNone() {
    assertEquals("none", SpeechToTextFactory.create(null).provider());
  }

  @Test
  void givenAnUnknownProvider_whenCreating_itShouldListTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpeechToTextFactory.create(provider("azure")));

    assertTrue(e.getMessage().contains("'azure'") && e.getMessage().contains("none, openai, gemini, whisper-cpp"),
        e.getMessage());
  }

  @Test
  void givenEachProvider_whenCreating_itShouldReturnItsAdapter() {
    assertInstanceOf(OpenAiSpeechToText.class, SpeechToTextFactory.create(provider(" OpenAI ")));
    assertInstanceOf(GeminiSpeechToText.class, SpeechToTextFactory.create(provider("gemini")));
    assertInstanceOf(WhisperCppSpeechToText.class, SpeechToTextFactory.create(provider("whisper-cpp")));
    assertEquals("whisper-cpp", SpeechToTextFactory.create(provider("whisper-cpp")).provider());
  }
}
