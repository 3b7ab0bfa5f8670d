package dev.vocero.activities.speech;

/** Stands in when {@code speech.provider} is {@code none}: every call explains how to configure a provider. */
final class NotConfiguredSpeechToText implements SpeechToText {

  static final String HOW_TO = "No speech-to-text provider is configured. Set speech.provider to openai, gemini, "
      + "whisper-cpp or whisper-local (and speech.baseUrl / speech.apiKey / speech.model) in the config file, or pass "
      + "-Ddw.speech.provider=openai -Ddw.speech.baseUrl=http://localhost:8000 -Ddw.speech.apiKey=... "
      + "when starting the worker.";

  @Override
  public String provider() {
    return SpeechConfig.NONE;
  }

  @Override
  public Transcript transcribe(AudioSource audio, String languageHint) {
    throw new SpeechException(SpeechException.Kind.NOT_CONFIGURED, HOW_TO);
  }
}
