package dev.vocero.activities.speech;

/** A provider that takes decoded 16 kHz mono samples directly (in-process models). */
public interface PcmSpeechToText extends SpeechToText {

  /**
   * @param samples 16 kHz mono samples in [-1, 1]
   * @param previousText the end of the text before these samples, or null
   */
  Transcript transcribePcm(float[] samples, String languageHint, String previousText);
}
