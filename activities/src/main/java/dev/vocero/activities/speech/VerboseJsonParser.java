package dev.vocero.activities.speech;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Parses Whisper-style {@code verbose_json} (OpenAI and whisper.cpp) into a {@link Transcript}. */
final class VerboseJsonParser {

  private VerboseJsonParser() {
  }

  static Transcript parse(ProviderHttp http, String step, HttpResponse<String> response) {
    JsonNode json;
    try {
      json = SpeechJson.MAPPER.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw http.unparseable(step, response, e);
    }
    if (json == null || !json.isObject()) {
      throw http.unparseable(step, response, null);
    }
    if (json.hasNonNull("error")) {
      // whisper.cpp reports failures as HTTP 200 with {"error": "..."}
      throw new SpeechException(SpeechException.Kind.REJECTED, response.statusCode(), null, http.provider()
          + " could not transcribe the audio: " + SpeechErrors.providerMessage(response.body(), null)
          + " (a whisper.cpp server reads 16 kHz WAV only, unless started with --convert).", null);
    }
    JsonNode segmentsJson = json.path("segments");
    JsonNode text = json.path("text");
    if (!segmentsJson.isArray() && !text.isTextual()) {
      throw http.unparseable(step, response, null);
    }
    String detected = json.path("detected_language").asText(null);
    String language = Languages.normalize(json.path("language").asText(detected));
    long durationMs = json.has("duration") ? secondsToMillis(json.path("duration").asDouble()) : -1;
    List<Segment> segments = new ArrayList<>();
    if (segmentsJson.isArray()) {
      for (JsonNode s : segmentsJson) {
        String segmentText = s.path("text").asText("").trim();
        if (!segmentText.isEmpty()) {
          long start = secondsToMillis(s.path("start").asDouble(0));
          long end = Math.max(start, secondsToMillis(s.path("end").asDouble(0)));
          segments.add(new Segment(start, end, segmentText, null, confidence(s.path("avg_logprob"))));
        }
      }
    } else if (!text.asText().isBlank()) {
      segments.add(new Segment(0, Math.max(durationMs, 0), text.asText().trim(), null, null));
    }
    if (durationMs < 0) {
      durationMs = segments.stream().mapToLong(Segment::endMs).max().orElse(0);
    }
    return new Transcript(language, durationMs, segments);
  }

  static long secondsToMillis(double seconds) {
    return Math.round(seconds * 1000.0);
  }

  private static Double confidence(JsonNode avgLogprob) {
    if (!avgLogprob.isNumber()) {
      return null;
    }
    return Math.max(0.0, Math.min(1.0, Math.exp(avgLogprob.asDouble())));
  }
}
