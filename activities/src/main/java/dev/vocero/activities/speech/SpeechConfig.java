package dev.vocero.activities.speech;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Locale;

/** The {@code speech:} block of the service configuration. */
public class SpeechConfig {

  public static final String NONE = "none";
  public static final String OPENAI = "openai";
  public static final String GEMINI = "gemini";
  public static final String WHISPER_CPP = "whisper-cpp";
  public static final String WHISPER_LOCAL = "whisper-local";
  static final long OPENAI_MAX_UPLOAD_BYTES = 25L * 1024 * 1024;
  static final long WHISPER_CPP_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

  private String provider = NONE;
  private String baseUrl;
  private String apiKey;
  private String model;
  private String language;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration requestTimeout = Duration.ofMinutes(10);
  private long geminiInlineLimitBytes = 20L * 1024 * 1024;
  private Double temperature;
  private Long maxUploadBytes;
  private int chunkSeconds = 600;
  private long chunkOverlapMs = 1000;
  private int silenceSearchSeconds = 30;
  private WhisperLocalConfig whisperLocal = new WhisperLocalConfig();

  public SpeechConfig() {
  }

  /** {@code none} (default), {@code openai}, {@code gemini} or {@code whisper-cpp}. */
  @JsonProperty
  public String getProvider() {
    return provider;
  }

  @JsonProperty
  public void setProvider(String provider) {
    this.provider = provider;
  }

  /** Null means the provider default; see {@link #resolvedBaseUrl()}. */
  @JsonProperty
  public String getBaseUrl() {
    return baseUrl;
  }

  @JsonProperty
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * Required for gemini; optional for openai (local OpenAI-compatible servers need none); unused by whisper-cpp.
   * Write-only for Jackson, so a serialised config never contains it.
   */
  @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
  public String getApiKey() {
    return apiKey;
  }

  @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  /** Null means the provider default; see {@link #resolvedModel()}. */
  @JsonProperty
  public String getModel() {
    return model;
  }

  @JsonProperty
  public void setModel(String model) {
    this.model = model;
  }

  /** Default spoken language (ISO-639-1 such as {@code es}); null lets the provider detect it. */
  @JsonProperty
  public String getLanguage() {
    return language;
  }

  @JsonProperty
  public void setLanguage(String language) {
    this.language = language;
  }

  /**
   * TCP connect timeout, default 10 s. Bound from YAML as a string: {@code 10s}, {@code 500ms}, {@code 5m},
   * {@code 1h}, a bare number of seconds ({@code 30}) or ISO-8601 ({@code PT10S}); no Jackson module needed.
   */
  @JsonIgnore
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  @JsonProperty("connectTimeout")
  public void setConnectTimeout(String text) {
    this.connectTimeout = DurationText.parse(text, "connectTimeout");
  }

  /**
   * Whole-request timeout per HTTP call (a long upload or transcription must fit in it), default 10 min.
   * Same string forms as {@link #getConnectTimeout()}, e.g. {@code requestTimeout: 15m}.
   */
  @JsonIgnore
  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  @JsonProperty("requestTimeout")
  public void setRequestTimeout(String text) {
    this.requestTimeout = DurationText.parse(text, "requestTimeout");
  }

  /**
   * Largest Gemini request sent inline, in bytes, default 20 MiB. It is compared with the base64-expanded audio
   * plus room for the prompt, so raw audio up to about 15 MB goes inline and larger audio uses the Files API.
   */
  @JsonProperty
  public long getGeminiInlineLimitBytes() {
    return geminiInlineLimitBytes;
  }

  @JsonProperty
  public void setGeminiInlineLimitBytes(long geminiInlineLimitBytes) {
    if (geminiInlineLimitBytes < 0) {
      throw new IllegalArgumentException("speech.geminiInlineLimitBytes must be >= 0");
    }
    this.geminiInlineLimitBytes = geminiInlineLimitBytes;
  }

  /** Sampling temperature; null sends none (the provider default), except whisper-cpp which gets 0.0. */
  @JsonProperty
  public Double getTemperature() {
    return temperature;
  }

  @JsonProperty
  public void setTemperature(Double temperature) {
    this.temperature = temperature;
  }

  /**
   * Largest file sent to the provider in one request; larger audio is decoded and sent in chunks. Null means the
   * provider's limit: openai 25 MiB, gemini what fits {@link #getGeminiInlineLimitBytes()} inline, whisper-cpp
   * 100 MiB.
   */
  @JsonProperty
  public Long getMaxUploadBytes() {
    return maxUploadBytes;
  }

  @JsonProperty
  public void setMaxUploadBytes(Long maxUploadBytes) {
    if (maxUploadBytes != null && maxUploadBytes < 64 * 1024) {
      throw new IllegalArgumentException("speech.maxUploadBytes must be at least 65536 (64 KiB) but was "
          + maxUploadBytes);
    }
    this.maxUploadBytes = maxUploadBytes;
  }

  /** Longest chunk of a chunked transcription, default 600 s (also the resume granularity after a crash). */
  @JsonProperty
  public int getChunkSeconds() {
    return chunkSeconds;
  }

  @JsonProperty
  public void setChunkSeconds(int chunkSeconds) {
    if (chunkSeconds < 10) {
      throw new IllegalArgumentException("speech.chunkSeconds must be at least 10 but was " + chunkSeconds);
    }
    this.chunkSeconds = chunkSeconds;
  }

  /** Audio repeated at the start of each chunk so a word at the cut is heard whole, default 1000 ms. */
  @JsonProperty
  public long getChunkOverlapMs() {
    return chunkOverlapMs;
  }

  @JsonProperty
  public void setChunkOverlapMs(long chunkOverlapMs) {
    if (chunkOverlapMs < 0 || chunkOverlapMs > 10_000) {
      throw new IllegalArgumentException("speech.chunkOverlapMs must be between 0 and 10000 but was " + chunkOverlapMs);
    }
    this.chunkOverlapMs = chunkOverlapMs;
  }

  /** How far before the chunk limit the quietest moment is searched for the cut, default 30 s. */
  @JsonProperty
  public int getSilenceSearchSeconds() {
    return silenceSearchSeconds;
  }

  @JsonProperty
  public void setSilenceSearchSeconds(int silenceSearchSeconds) {
    if (silenceSearchSeconds < 1) {
      throw new IllegalArgumentException("speech.silenceSearchSeconds must be at least 1 but was "
          + silenceSearchSeconds);
    }
    this.silenceSearchSeconds = silenceSearchSeconds;
  }

  /** Settings of {@code provider: whisper-local}. */
  @JsonProperty
  public WhisperLocalConfig getWhisperLocal() {
    return whisperLocal;
  }

  @JsonProperty
  public void setWhisperLocal(WhisperLocalConfig whisperLocal) {
    this.whisperLocal = whisperLocal == null ? new WhisperLocalConfig() : whisperLocal;
  }

  /** The upload cap in force for this provider; {@link Long#MAX_VALUE} when it has none. */
  public long resolvedMaxUploadBytes() {
    if (maxUploadBytes != null) {
      return maxUploadBytes;
    }
    return switch (providerId()) {
      case OPENAI -> OPENAI_MAX_UPLOAD_BYTES;
      case GEMINI -> Math.max(64 * 1024, (geminiInlineLimitBytes - GeminiSpeechToText.REQUEST_OVERHEAD_BYTES) / 4 * 3);
      case WHISPER_CPP -> WHISPER_CPP_MAX_UPLOAD_BYTES;
      default -> Long.MAX_VALUE;
    };
  }

  /** Chunking settings for {@link LongAudioTranscriber}. */
  public ChunkLimits chunkLimits() {
    return new ChunkLimits(resolvedMaxUploadBytes(), chunkSeconds * 1000L, chunkOverlapMs,
        silenceSearchSeconds * 1000L);
  }

  /** The provider id, lowercased; {@code none} when unset. */
  public String providerId() {
    return provider == null || provider.isBlank() ? NONE : provider.trim().toLowerCase(Locale.ROOT);
  }

  /** The base URL without a trailing slash, defaulted per provider. */
  public String resolvedBaseUrl() {
    String url = baseUrl == null || baseUrl.isBlank() ? defaultBaseUrl() : baseUrl.trim();
    while (url != null && url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url;
  }

  /** The model, defaulted per provider (null for whisper-cpp, whose server has one model loaded). */
  public String resolvedModel() {
    if (model != null && !model.isBlank()) {
      return model.trim();
    }
    return switch (providerId()) {
      case OPENAI -> "whisper-1";
      case GEMINI -> "gemini-2.5-flash";
      default -> null;
    };
  }

  boolean hasApiKey() {
    return apiKey != null && !apiKey.isBlank();
  }

  /** Provider, base URL and model for logs; says only whether a key is set, never the key. */
  public String describe() {
    return "provider=" + providerId() + " baseUrl=" + resolvedBaseUrl() + " model=" + resolvedModel()
        + " language=" + (language == null ? "auto" : language) + " apiKey=" + (hasApiKey() ? "set" : "unset")
        + " maxUploadBytes=" + (resolvedMaxUploadBytes() == Long.MAX_VALUE ? "none" : resolvedMaxUploadBytes())
        + " chunkSeconds=" + chunkSeconds
        + (WHISPER_LOCAL.equals(providerId()) ? " whisperLocal.modelPath=" + whisperLocal.getModelPath() : "");
  }

  @Override
  public String toString() {
    return "SpeechConfig{" + describe() + "}";
  }

  private String defaultBaseUrl() {
    return switch (providerId()) {
      case OPENAI -> "https://api.openai.com";
      case GEMINI -> "https://generativelanguage.googleapis.com";
      case WHISPER_CPP -> "http://127.0.0.1:8080";
      default -> null;
    };
  }
}
