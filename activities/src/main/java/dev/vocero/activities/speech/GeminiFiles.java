package dev.vocero.activities.speech;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gemini Files API: resumable upload, wait until ACTIVE, delete. */
final class GeminiFiles {

  private static final Logger LOG = LoggerFactory.getLogger(GeminiFiles.class);

  record GeminiFile(String name, String uri, String mimeType, String state, String error) {
  }

  private final ProviderHttp http;
  private final String baseUrl;
  private final String apiKey;
  private final Duration pollInterval;
  private final int maxPolls;

  GeminiFiles(ProviderHttp http, String baseUrl, String apiKey, Duration pollInterval, int maxPolls) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.pollInterval = pollInterval;
    this.maxPolls = maxPolls;
  }

  GeminiFile upload(AudioSource audio) {
    ObjectNode meta = SpeechJson.MAPPER.createObjectNode();
    meta.putObject("file").put("display_name", audio.filename());
    HttpResponse<String> started = http.send(http.request(URI.create(baseUrl + "/upload/v1beta/files"))
        .header("x-goog-api-key", apiKey)
        .header("X-Goog-Upload-Protocol", "resumable")
        .header("X-Goog-Upload-Command", "start")
        .header("X-Goog-Upload-Header-Content-Length", Long.toString(audio.sizeBytes()))
        .header("X-Goog-Upload-Header-Content-Type", audio.contentType())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(meta.toString()))
        .build(), "upload start", 0);
    String uploadUrl = started.headers().firstValue("x-goog-upload-url").orElseThrow(() -> new SpeechException(
        SpeechException.Kind.REJECTED, started.statusCode(), null, "Gemini answered the upload start without "
        + "an x-goog-upload-url header; check that speech.baseUrl points at the Gemini API.", null));
    // the upload URL carries its own upload id, so the key is not sent to it (as in Google's documented flow)
    HttpResponse<String> finished = http.withAudio(audio, in -> http.send(http.request(URI.create(uploadUrl))
        .header("X-Goog-Upload-Command", "upload, finalize")
        .header("X-Goog-Upload-Offset", "0")
        .POST(HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(() -> in), audio.sizeBytes()))
        .build(), "upload", audio.sizeBytes()));
    return parse("upload", finished);
  }

  /** Polls a PROCESSING file until ACTIVE; FAILED is REJECTED, running out of polls is RETRYABLE. */
  GeminiFile awaitActive(GeminiFile file) {
    GeminiFile current = file;
    for (int poll = 0; isProcessing(current); poll++) {
      if (poll >= maxPolls) {
        throw new SpeechException(SpeechException.Kind.RETRYABLE, "Gemini was still processing the uploaded "
            + "audio after " + pollInterval.multipliedBy(maxPolls).toSeconds() + " s; the activity will be "
            + "retried.");
      }
      sleep();
      current = parse("file status", http.send(http.request(URI.create(baseUrl + "/v1beta/" + current.name()))
          .header("x-goog-api-key", apiKey).GET().build(), "file status", 0));
    }
    if ("FAILED".equals(current.state())) {
      throw new SpeechException(SpeechException.Kind.REJECTED, "Gemini could not process the uploaded audio "
          + "(file state FAILED" + (current.error() == null ? "" : ": " + current.error())
          + "). Check that the file is a supported audio format and its content type is right.");
    }
    return current;
  }

  /** Best effort: uploaded call audio should not wait for Gemini's 48 h expiry. */
  void deleteQuietly(GeminiFile file) {
    try {
      http.send(http.request(URI.create(baseUrl + "/v1beta/" + file.name()))
          .header("x-goog-api-key", apiKey).DELETE().build(), "file delete", 0);
    } catch (SpeechException e) {
      LOG.warn("speech provider=Gemini step=file delete failed status={}; the file expires on its own",
          e.getHttpStatus());
    }
  }

  private static boolean isProcessing(GeminiFile file) {
    return "PROCESSING".equals(file.state()) || "STATE_UNSPECIFIED".equals(file.state());
  }

  private GeminiFile parse(String step, HttpResponse<String> response) {
    JsonNode json;
    try {
      json = SpeechJson.MAPPER.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw http.unparseable(step, response, e);
    }
    JsonNode file = json != null && json.has("file") ? json.path("file") : json;
    if (file == null || !file.path("name").isTextual() || !file.path("uri").isTextual()) {
      throw http.unparseable(step, response, null);
    }
    String error = file.path("error").path("message").asText(null);
    return new GeminiFile(file.path("name").asText(), file.path("uri").asText(),
        file.path("mimeType").asText(null), file.path("state").asText("ACTIVE"),
        error == null ? null : SpeechErrors.providerMessage(error, apiKey));
  }

  private void sleep() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpeechException(SpeechException.Kind.RETRYABLE, 0, null,
          "Interrupted while waiting for Gemini to process the uploaded audio.", e);
    }
  }
}
