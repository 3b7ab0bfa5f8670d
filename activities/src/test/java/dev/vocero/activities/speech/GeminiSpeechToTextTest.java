package dev.vocero.activities.speech;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vocero.activities.speech.SpeechFixtures.AUDIO;
import static dev.vocero.activities.speech.SpeechFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GeminiSpeechToTextTest {

  private static final String KEY = "AIzaSyTEST-not-a-real-key-0123456789ab";
  private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
  private static final String START = "/upload/v1beta/files";
  private static final String UPLOAD = "/upload/v1beta/files?upload_id=ABCupload123&upload_protocol=resumable";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static SpeechConfig config(long inlineLimit) {
    SpeechConfig config = new SpeechConfig();
    config.setProvider("gemini");
    config.setBaseUrl(wm.baseUrl());
    config.setApiKey(KEY);
    config.setGeminiInlineLimitBytes(inlineLimit);
    return config;
  }

  private static GeminiSpeechToText adapter(long inlineLimit) {
    return new GeminiSpeechToText(config(inlineLimit), Duration.ofMillis(5), 3);
  }

  /** A generateContent answer whose text part is the given structured-output JSON. */
  private static String answer(String transcriptJson, String finishReason) throws Exception {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode candidate = root.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content").put("role", "model");
    content.putArray("parts").addObject().put("text", transcriptJson);
    candidate.put("finishReason", finishReason).put("index", 0);
    root.putObject("usageMetadata").put("promptTokenCount", 812);
    return JSON.writeValueAsString(root);
  }

  private static JsonNode generateBody() throws Exception {
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(GENERATE)));
    assertEquals(1, requests.size());
    return JSON.readTree(requests.get(0).getBodyAsString());
  }

  @Test
  void givenSmallAudio_whenTranscribing_itShouldSendItInlineAndParseTheStructuredAnswer() throws Exception {
    wm.stubFor(post(GENERATE).withHeader("x-goog-api-key", equalTo(KEY))
        .willReturn(okJson(answer(resource("gemini-transcript.json"), "STOP"))));

    Transcript transcript = adapter(20L * 1024 * 1024).transcribe(SpeechFixtures.wav(), null);

    assertEquals("es", transcript.language());
    assertEquals(11_500, transcript.durationMs(), "duration is the last segment's end");
    assertEquals(List.of(
        new Segment(0, 2_800, "Buenos días, le llamo de Vocero.", "Speaker 1", null),
        new Segment(2_800, 6_250, "Hola, ¿qué tal? Dígame.", "Speaker 2", null),
        new Segment(7_000, 11_500, "Quería confirmar su cita del jueves a las diez.", "Speaker 1", null)),
        transcript.segments());

    JsonNode body = generateBody();
    JsonNode parts = body.path("contents").path(0).path("parts");
    assertEquals("audio/wav", parts.path(0).path("inline_data").path("mime_type").asText());
    assertArrayEquals(AUDIO, Base64.getDecoder().decode(parts.path(0).path("inline_data").path("data").asText()));
    assertTrue(parts.path(1).path("text").asText().contains("verbatim"));
    JsonNode generation = body.path("generationConfig");
    assertEquals("application/json", generation.path("responseMimeType").asText());
    assertEquals("ARRAY", generation.path("responseSchema").path("properties").path("segments").path("type").asText());
    assertEquals("NUMBER", generation.path("responseSchema").path("properties").path("segments")
        .path("items").path("properties").path("start").path("type").asText());
  }

  @Test
  void givenALanguageHint_whenTranscribing_itShouldPutItInThePrompt() throws Exception {
    wm.stubFor(post(GENERATE).willReturn(okJson(answer("{\"language\":\"\",\"segments\":[]}", "STOP"))));

    Transcript transcript = adapter(20L * 1024 * 1024).transcribe(SpeechFixtures.wav(), "spanish");

    assertEquals(new Transcript("es", 0, List.of()), transcript, "an empty language falls back to the hint");
    assertTrue(generateBody().path("contents").path(0).path("parts").path(1).path("text").asText().contains("'es'"));
  }

  @Test
  void givenAudioAboveTheInlineLimit_whenTranscribing_itShouldUploadPollGenerateAndDelete() throws Exception {
    String fileUri = wm.baseUrl() + "/v1beta/files/abc123";
    wm.stubFor(post(urlEqualTo(START))
        .withHeader("x-goog-api-key", equalTo(KEY))
        .withHeader("X-Goog-Upload-Protocol", equalTo("resumable"))
        .withHeader("X-Goog-Upload-Command", equalTo("start"))
        .withHeader("X-Goog-Upload-Header-Content-Length", equalTo(String.valueOf(AUDIO.length)))
        .withHeader("X-Goog-Upload-Header-Content-Type", equalTo("audio/wav"))
        .willReturn(aResponse().withStatus(200).withHeader("x-goog-upload-url", wm.baseUrl() + UPLOAD)
            .withHeader("x-goog-upload-status", "active")));
    wm.stubFor(post(urlEqualTo(UPLOAD))
        .withHeader("X-Goog-Upload-Command", equalTo("upload, finalize"))
        .withHeader("X-Goog-Upload-Offset", equalTo("0"))
        .willReturn(okJson("{\"file\":{\"name\":\"files/abc123\",\"mimeType\":\"audio/wav\",\"sizeBytes\":\""
            + AUDIO.length + "\",\"uri\":\"" + fileUri + "\",\"state\":\"PROCESSING\",\"source\":\"UPLOADED\"}}")));
    wm.stubFor(get("/v1beta/files/abc123").withHeader("x-goog-api-key", equalTo(KEY))
        .willReturn(okJson("{\"name\":\"files/abc123\",\"mimeType\":\"audio/wav\",\"uri\":\"" + fileUri
            + "\",\"state\":\"ACTIVE\"}")));
    wm.stubFor(post(GENERATE).willReturn(okJson(answer(resource("gemini-transcript.json"), "STOP"))));
    wm.stubFor(delete("/v1beta/files/abc123").willReturn(okJson("{}")));

    Transcript transcript = adapter(1).transcribe(SpeechFixtures.wav(), null);

    assertEquals(3, transcript.segments().size());
    LoggedRequest upload = wm.findAll(postRequestedFor(urlEqualTo(UPLOAD))).get(0);
    assertArrayEquals(AUDIO, upload.getBody());
    assertFalse(upload.containsHeader("x-goog-api-key"), "the key is not sent to the upload URL");
    assertEquals("llamada-42.wav", JSON.readTree(wm.findAll(postRequestedFor(urlEqualTo(START))).get(0)
        .getBodyAsString()).path("file").path("display_name").asText());
    wm.verify(1, getRequestedFor(urlEqualTo("/v1beta/files/abc123")));
    JsonNode audioPart = generateBody().path("contents").path(0).path("parts").path(0);
    assertEquals(fileUri, audioPart.path("file_data").path("file_uri").asText());
    assertEquals("audio/wav", audioPart.path("file_data").path("mime_type").asText());
    assertTrue(audioPart.path("inline_data").isMissingNode());
    wm.verify(1, deleteRequestedFor(urlEqualTo("/v1beta/files/abc123")).withHeader("x-goog-api-key", equalTo(KEY)));
  }

  @Test
  void givenAFileThatStaysProcessing_whenPollsRunOut_itShouldBeRetryableAndStillDeleteIt() {
    String fileJson = "{\"name\":\"files/slow1\",\"uri\":\"" + wm.baseUrl() + "/v1beta/files/slow1\",\"state\":\"PROCESSING\"}";
    wm.stubFor(post(urlEqualTo(START)).willReturn(aResponse().withHeader("x-goog-upload-url", wm.baseUrl() + UPLOAD)));
    wm.stubFor(post(urlEqualTo(UPLOAD)).willReturn(okJson("{\"file\":" + fileJson + "}")));
    wm.stubFor(get("/v1beta/files/slow1").willReturn(okJson(fileJson)));
    wm.stubFor(delete("/v1beta/files/slow1").willReturn(okJson("{}")));

    SpeechException e = assertThrows(SpeechException.class, () -> adapter(1).transcribe(SpeechFixtures.wav(), null));

    assertTrue(e.retryable());
    wm.verify(3, getRequestedFor(urlEqualTo("/v1beta/files/slow1")));
    wm.verify(0, postRequestedFor(urlEqualTo(GENERATE)));
    wm.verify(1, deleteRequestedFor(urlEqualTo("/v1beta/files/slow1")));
  }

  @Test
  void givenABlockedPrompt_whenTranscribing_itShouldBeRejectedNamingTheReason() {
    wm.stubFor(post(GENERATE).willReturn(okJson(resource("gemini-blocked.json"))));

    SpeechException e = assertThrows(SpeechException.class,
        () -> adapter(20L * 1024 * 1024).transcribe(SpeechFixtures.wav(), null));

    assertEquals(SpeechException.Kind.REJECTED, e.getKind());
    assertTrue(e.getMessage().contains("PROHIBITED_CONTENT"), e.getMessage());
  }

  @Test
  void givenASafetyFinishReason_whenTranscribing_itShouldBeRejected() throws Exception {
    wm.stubFor(post(GENERATE).willReturn(okJson(answer("", "SAFETY"))));

    SpeechException e = assertThrows(SpeechException.class,
        () -> adapter(20L * 1024 * 1024).transcribe(SpeechFixtures.wav(), null));

    assertEquals(SpeechException.Kind.REJECTED, e.getKind());
    assertTrue(e.getMessage().contains("finishReason=SAFETY"), e.getMessage());
  }

  @Test
  void givenModelTextThatIsNotJson_whenTranscribing_itShouldBeRejectedWithoutTheTranscriptText() throws Exception {
    wm.stubFor(post(GENERATE).willReturn(okJson(answer("Claro, aquí está la transcripción: Hola", "STOP"))));

    SpeechException e = assertThrows(SpeechException.class,
        () -> adapter(20L * 1024 * 1024).transcribe(SpeechFixtures.wav(), null));

    assertEquals(SpeechException.Kind.REJECTED, e.getKind());
    assertFalse(e.getMessage().contains("transcripción"), e.getMessage());
  }

  @Test
  void givenAnInvalidKey_whenTranscribing_itShouldBeUnauthorizedWithoutShowingIt() {
    wm.stubFor(post(GENERATE).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody(resource("gemini-bad-key.json"))));

    SpeechException e = assertThrows(SpeechException.class,
        () -> adapter(20L * 1024 * 1024).transcribe(SpeechFixtures.wav(), null));

    assertEquals(SpeechException.Kind.UNAUTHORIZED, e.getKind());
    assertTrue(e.getMessage().contains("Gemini") && e.getMessage().contains("speech.apiKey"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY));
  }

  @Test
  void givenNoApiKey_whenTranscribing_itShouldBeNotConfiguredWithoutCallingGemini() {
    SpeechConfig config = config(20L * 1024 * 1024);
    config.setApiKey(" ");

    SpeechException e = assertThrows(SpeechException.class,
        () -> new GeminiSpeechToText(config).transcribe(SpeechFixtures.wav(), null));

    assertEquals(SpeechException.Kind.NOT_CONFIGURED, e.getKind());
    assertTrue(e.getMessage().contains("speech.apiKey"));
    assertTrue(wm.getAllServeEvents().isEmpty());
  }

  @Test
  void givenTheDefaultLimit_whenSizing_itShouldInlineUpToAboutFifteenMegabytes() {
    GeminiSpeechToText gemini = new GeminiSpeechToText(config(20L * 1024 * 1024));

    assertTrue(gemini.fitsInline(15_000_000));
    assertFalse(gemini.fitsInline(16_000_000));
  }
}
