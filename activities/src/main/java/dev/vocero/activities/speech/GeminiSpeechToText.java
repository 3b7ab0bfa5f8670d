package dev.vocero.activities.speech;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Gemini {@code generateContent} with a JSON response schema. Audio that fits {@code speech.geminiInlineLimitBytes}
 * is sent inline as base64; larger audio goes through the Files API and is deleted afterwards.
 */
public final class GeminiSpeechToText implements SpeechToText {

  static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
  static final int DEFAULT_MAX_POLLS = 90;
  // prompt, schema and JSON framing around the base64 audio
  static final long REQUEST_OVERHEAD_BYTES = 16 * 1024;

  private final SpeechConfig config;
  private final ProviderHttp http;
  private final GeminiFiles files;
  private final URI generateUri;

  public GeminiSpeechToText(SpeechConfig config) {
    this(config, DEFAULT_POLL_INTERVAL, DEFAULT_MAX_POLLS);
  }

  GeminiSpeechToText(SpeechConfig config, Duration pollInterval, int maxPolls) {
    this.config = config;
    this.http = new ProviderHttp("Gemini", config);
    String base = config.resolvedBaseUrl();
    String model = config.resolvedModel();
    model = model.startsWith("models/") ? model.substring("models/".length()) : model;
    this.generateUri = URI.create(base + "/v1beta/models/" + model + ":generateContent");
    this.files = new GeminiFiles(http, base, config.hasApiKey() ? config.getApiKey().trim() : null,
        pollInterval, maxPolls);
  }

  @Override
  public String provider() {
    return SpeechConfig.GEMINI;
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
    if (!config.hasApiKey()) {
      throw new SpeechException(SpeechException.Kind.NOT_CONFIGURED, "speech.provider is gemini but "
          + "speech.apiKey is empty. Create a key at https://aistudio.google.com/apikey and set "
          + "speech.apiKey in the config file (or pass -Ddw.speech.apiKey=...).");
    }
    String language = Languages.pick(languageHint, config.getLanguage());
    if (fitsInline(audio.sizeBytes())) {
      ObjectNode part = SpeechJson.MAPPER.createObjectNode();
      byte[] bytes = http.withAudio(audio, in -> in.readAllBytes());
      part.putObject("inline_data").put("mime_type", audio.contentType()).put("data", bytes);
      return generate(part, language, previousText);
    }
    GeminiFiles.GeminiFile file = files.upload(audio);
    try {
      GeminiFiles.GeminiFile active = files.awaitActive(file);
      ObjectNode part = SpeechJson.MAPPER.createObjectNode();
      part.putObject("file_data")
          .put("mime_type", active.mimeType() == null ? audio.contentType() : active.mimeType())
          .put("file_uri", active.uri());
      return generate(part, language, previousText);
    } finally {
      files.deleteQuietly(file);
    }
  }

  boolean fitsInline(long sizeBytes) {
    long base64Bytes = (sizeBytes + 2) / 3 * 4;
    return base64Bytes + REQUEST_OVERHEAD_BYTES <= config.getGeminiInlineLimitBytes();
  }

  private Transcript generate(ObjectNode audioPart, String language, String previousText) {
    byte[] body;
    try {
      body = SpeechJson.MAPPER.writeValueAsBytes(
          GeminiTranscripts.request(audioPart, language, config.getTemperature(), previousText));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the Gemini request", e);
    }
    HttpResponse<String> response = http.send(http.request(generateUri)
        .header("x-goog-api-key", config.getApiKey().trim())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build(), "generateContent", body.length);
    return GeminiTranscripts.parse(http, response, language);
  }
}
