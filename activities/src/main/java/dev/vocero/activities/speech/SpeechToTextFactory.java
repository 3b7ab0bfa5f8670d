package dev.vocero.activities.speech;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@link SpeechToText} adapter named by {@code speech.provider}; call once at startup. */
public final class SpeechToTextFactory {

  private static final Logger LOG = LoggerFactory.getLogger(SpeechToTextFactory.class);

  private SpeechToTextFactory() {
  }

  /** @throws IllegalArgumentException for an unknown provider name */
  public static SpeechToText create(SpeechConfig config) {
    SpeechConfig c = config == null ? new SpeechConfig() : config;
    SpeechToText adapter = switch (c.providerId()) {
      case SpeechConfig.NONE -> new NotConfiguredSpeechToText();
      case SpeechConfig.OPENAI -> new OpenAiSpeechToText(c);
      case SpeechConfig.GEMINI -> new GeminiSpeechToText(c);
      case SpeechConfig.WHISPER_CPP -> new WhisperCppSpeechToText(c);
      case SpeechConfig.WHISPER_LOCAL -> whisperLocal(c);
      default -> throw new IllegalArgumentException("Unknown speech.provider '" + c.getProvider()
          + "'. Valid values: none, openai, gemini, whisper-cpp, whisper-local.");
    };
    LOG.info("speech-to-text: {}", c.describe());
    return adapter;
  }

  /** A bad model path is reported at start-up, and again (as a non-retryable failure) for every audio. */
  private static SpeechToText whisperLocal(SpeechConfig c) {
    try {
      WhisperLocalSpeechToText.modelPath(c.getWhisperLocal().getModelPath());
    } catch (SpeechException e) {
      LOG.warn("speech-to-text whisper-local is not usable: {}", e.getMessage());
    }
    return new WhisperLocalSpeechToText(c);
  }
}
