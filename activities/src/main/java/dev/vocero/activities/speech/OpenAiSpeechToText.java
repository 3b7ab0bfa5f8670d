package dev.vocero.activities.speech;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * OpenAI {@code /v1/audio/transcriptions}, also served by OpenAI-compatible servers (speaches, vLLM). Whisper models
 * get {@code verbose_json} with segment timestamps; {@code gpt-4o*} models only offer {@code json}, so they yield one
 * untimed segment.
 */
public final class OpenAiSpeechToText implements SpeechToText {

  private static final String STEP = "transcription";

  private final SpeechConfig config;
  private final ProviderHttp http;
  private final URI endpoint;
  private final String model;

  public OpenAiSpeechToText(SpeechConfig config) {
    this.config = config;
    this.http = new ProviderHttp("OpenAI", config);
    String base = config.resolvedBaseUrl();
    this.endpoint = URI.create((base.endsWith("/v1") ? base : base + "/v1") + "/audio/transcriptions");
    this.model = config.resolvedModel();
  }

  @Override
  public String provider() {
    return SpeechConfig.OPENAI;
  }

  @Override
  public Transcript transcribe(AudioSource audio, String languageHint) {
    return transcribe(audio, languageHint, null);
  }

  @Override
  public ChunkLimits chunkLimits() {
    return config.chunkLimits();
  }

  @Override
  public Transcript transcribe(AudioSource audio, String languageHint, String previousText) {
    boolean verbose = !model.toLowerCase(Locale.ROOT).startsWith("gpt-4o");
    MultipartBody body = new MultipartBody()
        .field("model", model)
        .field("response_format", verbose ? "verbose_json" : "json");
    if (verbose) {
      body.field("timestamp_granularities[]", "segment");
    }
    String language = Languages.pick(languageHint, config.getLanguage());
    if (language != null) {
      body.field("language", language);
    }
    if (config.getTemperature() != null) {
      body.field("temperature", config.getTemperature().toString());
    }
    if (previousText != null && !previousText.isBlank()) {
      body.field("prompt", previousText);
    }
    HttpResponse<String> response = http.withAudio(audio, in -> {
      HttpRequest.Builder request = http.request(endpoint)
          .header("Content-Type", body.contentType())
          .POST(body.publisher("file", audio, in));
      if (config.hasApiKey()) {
        request.header("Authorization", "Bearer " + config.getApiKey().trim());
      }
      return http.send(request.build(), STEP, audio.sizeBytes());
    });
    return VerboseJsonParser.parse(http, STEP, response);
  }
}
