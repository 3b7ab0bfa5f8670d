package dev.vocero.activities.speech;

/** Port for speech-to-text providers. Implementations classify failures but never retry. */
public interface SpeechToText {

  /** The configured provider id: {@code none}, {@code openai}, {@code gemini} or {@code whisper-cpp}. */
  String provider();

  /**
   * Transcribes the audio.
   *
   * @param languageHint ISO-639-1 code or language name; null uses {@code speech.language}, else the provider
   *                     detects the language
   * @throws SpeechException classified by {@link SpeechException.Kind}
   */
  Transcript transcribe(AudioSource audio, String languageHint);
}
