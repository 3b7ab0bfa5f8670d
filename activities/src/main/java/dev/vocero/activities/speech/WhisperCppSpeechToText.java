package dev.vocero.activities.speech;

import java.net.URI;
import java.net.http.HttpResponse;

/** A whisper.cpp {@code examples/server} ({@code whisper-server}) via its {@code /inference} endpoint. */
public final class WhisperCppSpeechToText implements SpeechToText {

  private static final String STEP = "inference";

  private final SpeechConfig config;
  private final ProviderHttp http;
  private final URI endpoint;

  public WhisperCppSpeechToText(SpeechConfig config) {
    this.config = config;
    this.http = new ProviderHttp("whisper.cpp", config);
    String base = config.resolvedBaseUrl();
    this.endpoint = URI.create(base.endsWith("/inference") ? base : base + "/inference");
  }

  @Override
  public String provider() {
    return SpeechConfig.WHISPER_CPP;
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
    String language = Languages.pick(languageHint, config.getLanguage());
    Double temperature = config.getTemperature();
    MultipartBody body = new MultipartBody()
        .field("response_format", "verbose_json")
        .field("temperature", String.valueOf(temperature == null ? 0.0 : temperature))
        .field("language", language == null ? "auto" : language);
    if (previousText != null && !previousText.isBlank()) {
      body.field("prompt", previousText);
    }
    HttpResponse<String> response = http.withAudio(audio, in -> http.send(http.request(endpoint)
        .header("Content-Type", body.contentType())
        .POST(body.publisher("file", audio, in))
        .build(), STEP, audio.sizeBytes()));
    return VerboseJsonParser.parse(http, STEP, response);
  }
}
