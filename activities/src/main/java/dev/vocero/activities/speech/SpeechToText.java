package dev.vocero.activities.speech;

/** Port for speech-to-text providers. Implementations classify failures but never retry. */
public interface SpeechToText {

  /** The configured provider id: {@code none}, {@code openai}, {@code gemini}, {@code whisper-cpp} or
   *     {@code whisper-local}. */
  String provider();

  /**
   * Transcribes the audio.
   *
   * @param languageHint ISO-639-1 code or language name; null uses {@code speech.language}, else the provider
   *                     detects the language
   * @throws SpeechException classified by {@link SpeechException.Kind}
   */
  Transcript transcribe(AudioSource audio, String languageHint);

  /**
   * Transcribes one part of a longer audio. {@code previousText} (null for the first part) is the end of the text
   * before it, given to the provider as context (OpenAI's {@code prompt}) so names and spelling stay consistent.
   */
  default Transcript transcribe(AudioSource audio, String languageHint, String previousText) {
    return transcribe(audio, languageHint);
  }

  /** When audio must be split before it is sent; by default never. */
  default ChunkLimits chunkLimits() {
    return ChunkLimits.NONE;
  }
}
