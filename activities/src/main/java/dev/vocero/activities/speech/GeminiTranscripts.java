package dev.vocero.activities.speech;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The generateContent request (prompt + JSON schema) and the parsing of its structured answer. */
final class GeminiTranscripts {

  private static final Set<String> BLOCKED_FINISH =
      Set.of("SAFETY", "RECITATION", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "IMAGE_SAFETY");
  private static final String STEP = "generateContent";

  private GeminiTranscripts() {
  }

  static ObjectNode request(ObjectNode audioPart, String language, Double temperature, String previousText) {
    ObjectNode root = SpeechJson.MAPPER.createObjectNode();
    ObjectNode content = root.putArray("contents").addObject().put("role", "user");
    ArrayNode parts = content.putArray("parts");
    parts.add(audioPart);
    parts.addObject().put("text", prompt(language) + context(previousText));
    ObjectNode generation = root.putObject("generationConfig");
    generation.put("responseMimeType", "application/json");
    generation.set("responseSchema", schema());
    if (temperature != null) {
      generation.put("temperature", temperature);
    }
    return root;
  }

  static Transcript parse(ProviderHttp http, HttpResponse<String> response, String fallbackLanguage) {
    JsonNode root = readJson(http, response, response.body());
    String blockReason = root.path("promptFeedback").path("blockReason").asText(null);
    if (blockReason != null) {
      throw blocked("blocked the audio (promptFeedback.blockReason=" + blockReason + ")", response);
    }
    JsonNode candidate = root.path("candidates").path(0);
    String finishReason = candidate.path("finishReason").asText("");
    if (BLOCKED_FINISH.contains(finishReason)) {
      throw blocked("stopped the transcript (finishReason=" + finishReason + ")", response);
    }
    if ("MAX_TOKENS".equals(finishReason)) {
      throw new SpeechException(SpeechException.Kind.REJECTED, response.statusCode(), null, "Gemini stopped at "
          + "its output limit (finishReason=MAX_TOKENS): the audio is too long for one transcript. Split it "
          + "into shorter parts (for example 30 minutes).", null);
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : candidate.path("content").path("parts")) {
      if (!part.path("thought").asBoolean(false) && part.path("text").isTextual()) {
        text.append(part.path("text").asText());
      }
    }
    JsonNode transcript = readJson(http, response, text.toString());
    if (!transcript.path("segments").isArray()) {
      throw http.unparseable(STEP, response, null);
    }
    List<Segment> segments = new ArrayList<>();
    for (JsonNode s : transcript.path("segments")) {
      String segmentText = s.path("text").asText("").trim();
      if (!segmentText.isEmpty()) {
        long start = millis(s.path("start"));
        long end = Math.max(start, millis(s.path("end")));
        String speaker = s.path("speaker").asText("").trim();
        segments.add(new Segment(start, end, segmentText, speaker.isEmpty() ? null : speaker, null));
      }
    }
    String language = Languages.normalize(transcript.path("language").asText(null));
    long durationMs = segments.stream().mapToLong(Segment::endMs).max().orElse(0);
    return new Transcript(language == null ? fallbackLanguage : language, durationMs, segments);
  }

  private static String prompt(String language) {
    String languageLine = language == null
        ? "Detect the spoken language (it is often Spanish)."
        : "The spoken language is expected to be '" + language + "'.";
    return "Transcribe this audio recording (usually a phone call) verbatim, in the original language: do not "
        + "translate, summarise or correct it. " + languageLine + " Split the transcript into segments at "
        + "speaker turns and natural pauses, at most about 30 seconds each. For every segment give start and "
        + "end as seconds from the beginning of the audio, a speaker label (\"Speaker 1\", \"Speaker 2\", ...) "
        + "and the exact words. Set language to the ISO-639-1 code of the spoken language. If there is no "
        + "speech, return an empty segments list.";
  }

  /** For a later part of a long recording: the text before it, so the transcript continues consistently. */
  private static String context(String previousText) {
    if (previousText == null || previousText.isBlank()) {
      return "";
    }
    return " This audio continues an earlier part of the same recording, which ended with: \"" + previousText
        + "\". Do not repeat that text; timestamps start at 0 for this part.";
  }

  private static ObjectNode schema() {
    ObjectNode segment = SpeechJson.MAPPER.createObjectNode().put("type", "OBJECT");
    ObjectNode props = segment.putObject("properties");
    props.putObject("start").put("type", "NUMBER").put("description", "seconds from the start of the audio");
    props.putObject("end").put("type", "NUMBER").put("description", "seconds from the start of the audio");
    props.putObject("speaker").put("type", "STRING");
    props.putObject("text").put("type", "STRING");
    segment.putArray("required").add("start").add("end").add("speaker").add("text");
    segment.putArray("propertyOrdering").add("start").add("end").add("speaker").add("text");

    ObjectNode schema = SpeechJson.MAPPER.createObjectNode().put("type", "OBJECT");
    ObjectNode top = schema.putObject("properties");
    top.putObject("language").put("type", "STRING").put("description", "ISO-639-1 code, e.g. es");
    top.putObject("segments").put("type", "ARRAY").set("items", segment);
    schema.putArray("required").add("language").add("segments");
    schema.putArray("propertyOrdering").add("language").add("segments");
    return schema;
  }

  /** Seconds as a number, or lenient "SS.s", "MM:SS" and "HH:MM:SS" strings. */
  static long millis(JsonNode value) {
    if (value.isNumber()) {
      return VerboseJsonParser.secondsToMillis(value.asDouble());
    }
    double seconds = 0;
    try {
      for (String piece : value.asText("0").trim().split(":")) {
        seconds = seconds * 60 + Double.parseDouble(piece);
      }
    } catch (NumberFormatException e) {
      return 0;
    }
    return VerboseJsonParser.secondsToMillis(seconds);
  }

  private static JsonNode readJson(ProviderHttp http, HttpResponse<String> response, String text) {
    try {
      JsonNode json = SpeechJson.MAPPER.readTree(text);
      if (json == null || !json.isObject()) {
        throw http.unparseable(STEP, response, null);
      }
      return json;
    } catch (JsonProcessingException e) {
      throw http.unparseable(STEP, response, e);
    }
  }

  private static SpeechException blocked(String what, HttpResponse<String> response) {
    return new SpeechException(SpeechException.Kind.REJECTED, response.statusCode(), null, "Gemini " + what
        + ". Retrying will not help: transcribe this audio with another provider (speech.provider=openai or "
        + "whisper-cpp) or review it by hand.", null);
  }
}
