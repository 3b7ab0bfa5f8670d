package dev.vocero.activities.speech;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * whisper.cpp inside the worker through whisper-jni ({@code speech.provider: whisper-local}). The model is loaded on
 * first use and shared; every call gets its own whisper state, so calls may run concurrently. Silent audio (and
 * silent stretches under a segment) yields no text instead of whisper's invented phrases.
 */
public final class WhisperLocalSpeechToText implements PcmSpeechToText {

  static final String HOW_TO_GET_A_MODEL = "Download a ggml model, e.g. ggml-base.bin or ggml-small.bin from the "
      + "ggerganov/whisper.cpp models on Hugging Face (or run models/download-ggml-model.sh base from a whisper.cpp "
      + "checkout), and set speech.whisperLocal.modelPath to the file (or pass -Ddw.speech.whisperLocal.modelPath=...).";
  private static final Logger LOG = LoggerFactory.getLogger(WhisperLocalSpeechToText.class);
  private static final int CENTISECONDS_TO_MS = 10;
  private static boolean libraryLoaded;

  private final SpeechConfig config;
  private final WhisperLocalConfig local;
  private final SilenceGate gate;
  private final AudioDecoder decoder;
  private WhisperJNI whisper;
  private WhisperContext context;

  public WhisperLocalSpeechToText(SpeechConfig config) {
    this(config, new AudioDecoder());
  }

  WhisperLocalSpeechToText(SpeechConfig config, AudioDecoder decoder) {
    this.config = config;
    this.local = config.getWhisperLocal();
    this.gate = new SilenceGate(local.getSilenceThresholdDbfs());
    this.decoder = decoder;
  }

  @Override
  public String provider() {
    return SpeechConfig.WHISPER_LOCAL;
  }

  @Override
  public ChunkLimits chunkLimits() {
    return config.chunkLimits();
  }

  @Override
  public Transcript transcribe(AudioSource audio, String languageHint) {
    try (Pcm16k pcm = decoder.decode(audio)) {
      return transcribePcm(pcm.floats(0, pcm.length()), languageHint, null);
    }
  }

  @Override
  public Transcript transcribePcm(float[] samples, String languageHint, String previousText) {
    String language = WhisperLanguage.param(languageHint, config.getLanguage());
    String known = WhisperLanguage.AUTO.equals(language) ? null : language;
    long durationMs = Pcm16k.toMs(samples.length);
    if (gate.silent(samples)) {
      return new Transcript(known, durationMs, List.of());
    }
    WhisperContext model = model();
    WhisperFullParams params = params(language, previousText);
    long started = System.nanoTime();
    try (WhisperState state = whisper.initState(model)) {
      int result = whisper.fullWithState(model, state, params, samples, samples.length);
      if (result != 0) {
        throw new SpeechException(SpeechException.Kind.RETRYABLE, "whisper.cpp failed on the audio (code " + result
            + "); the activity will be retried.");
      }
      List<Segment> segments = new ArrayList<>();
      int count = whisper.fullNSegmentsFromState(state);
      for (int i = 0; i < count; i++) {
        long start = whisper.fullGetSegmentTimestamp0FromState(state, i) * CENTISECONDS_TO_MS;
        long end = Math.max(start, whisper.fullGetSegmentTimestamp1FromState(state, i) * CENTISECONDS_TO_MS);
        String text = whisper.fullGetSegmentTextFromState(state, i).trim();
        if (!text.isEmpty() && !gate.silent(samples, sample(start), sample(end))) {
          segments.add(new Segment(start, end, text, null, null));
        }
      }
      LOG.info("speech provider=whisper-local audioMs={} segments={} latencyMs={}", durationMs, segments.size(),
          (System.nanoTime() - started) / 1_000_000);
      return new Transcript(known, durationMs, segments);
    }
  }

  WhisperFullParams params(String language, String previousText) {
    WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
    params.language = language;
    params.detectLanguage = false; // true would only detect the language and stop
    params.nThreads = local.resolvedThreads();
    params.initialPrompt = previousText == null || previousText.isBlank() ? null : previousText;
    params.printProgress = false;
    params.printRealtime = false;
    params.printTimestamps = false;
    params.printSpecial = false;
    params.suppressNonSpeechTokens = true;
    if (config.getTemperature() != null) {
      params.temperature = config.getTemperature().floatValue();
    }
    return params;
  }

  /** The checked model path; {@link SpeechException.Kind#NOT_CONFIGURED} says what is wrong and how to fix it. */
  static Path modelPath(String configured) {
    if (configured == null || configured.isBlank()) {
      throw notConfigured("speech.provider is whisper-local but speech.whisperLocal.modelPath is empty.");
    }
    Path path = Path.of(configured.trim());
    if (!Files.exists(path)) {
      throw notConfigured("The whisper model file " + path.toAbsolutePath() + " (speech.whisperLocal.modelPath) "
          + "does not exist.");
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw notConfigured("The whisper model " + path.toAbsolutePath() + " (speech.whisperLocal.modelPath) is not "
          + "a readable file; check its permissions for the user running the worker.");
    }
    return path;
  }

  private synchronized WhisperContext model() {
    if (context != null) {
      return context;
    }
    Path path = modelPath(local.getModelPath());
    WhisperJNI jni = nativeLibrary();
    WhisperContext loaded;
    try {
      loaded = jni.init(path);
    } catch (IOException | RuntimeException e) {
      loaded = null;
    }
    if (loaded == null) {
      throw notConfigured("whisper.cpp could not load " + path.toAbsolutePath() + " as a model: it is not a ggml "
          + "whisper model (or it is truncated).");
    }
    LOG.info("whisper-local loaded model {} ({})", path.getFileName(), jni.isMultilingual(loaded)
        ? "multilingual" : "English-only: set speech.language=en or use a multilingual model");
    whisper = jni;
    context = loaded;
    return context;
  }

  static synchronized WhisperJNI nativeLibrary() {
    try {
      if (!libraryLoaded) {
        WhisperJNI.loadLibrary(message -> LOG.debug("whisper-jni: {}", message));
        WhisperJNI.setLibraryLogger(message -> LOG.debug("whisper.cpp: {}", message));
        libraryLoaded = true;
      }
      return new WhisperJNI();
    } catch (IOException | LinkageError e) {
      throw new SpeechException(SpeechException.Kind.NOT_CONFIGURED, 0, null, "The whisper.cpp native library "
          + "could not be loaded on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
          + " (" + e.getMessage() + "). whisper-jni ships it for Linux x86_64/arm64 (glibc), macOS and Windows "
          + "x86_64; elsewhere use speech.provider=whisper-cpp with a whisper.cpp server.", e);
    }
  }

  private static int sample(long ms) {
    return (int) (ms * Pcm16k.RATE / 1000);
  }

  private static SpeechException notConfigured(String what) {
    return new SpeechException(SpeechException.Kind.NOT_CONFIGURED, what + " " + HOW_TO_GET_A_MODEL);
  }
}
