package dev.vocero.activities.speech;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vocero.activities.speech.SpeechFixtures.AUDIO;
import static dev.vocero.activities.speech.SpeechFixtures.resource;
import static dev.vocero.activities.speech.SpeechFixtures.wav;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiSpeechToTextTest {

  private static final String PATH = "/v1/audio/transcriptions";
  private static final String KEY = "sk-test-SECRET0123456789abcdef3456";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static OpenAiSpeechToText adapter(String apiKey) {
    SpeechConfig config = new SpeechConfig();
    config.setProvider("openai");
    config.setBaseUrl(wm.baseUrl() + "/");
    config.setApiKey(apiKey);
    return new OpenAiSpeechToText(config);
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertEquals(1, requests.size());
    return requests.get(0);
  }

  private static Map<String, Request.Part> parts(LoggedRequest request) {
    return request.getParts().stream().collect(Collectors.toMap(Request.Part::getName, Function.identity()));
  }

  private static SpeechException failWith(int status, String body) {
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));
    return assertThrows(SpeechException.class, () -> adapter(KEY).transcribe(wav(), null));
  }

  @Test
  void givenVerboseJson_whenTranscribing_itShouldSendTheDocumentedMultipartAndParseSegments() {
    wm.stubFor(post(PATH).willReturn(okJson(resource("openai-verbose.json"))));

    Transcript transcript = adapter(KEY).transcribe(wav(), null);

    assertEquals("es", transcript.language());
    assertEquals(12_340, transcript.durationMs());
    assertEquals(3, transcript.segments().size(), "the whitespace-only segment is skipped");
    Segment first = transcript.segments().get(0);
    assertEquals(new Segment(0, 3_200, "Hola, buenos días.", null, first.confidence()), first);
    assertEquals(Math.exp(-0.2), first.confidence(), 1e-9);
    assertEquals(1.0, transcript.segments().get(2).confidence(), "exp(0.05) is clamped to 1");
    assertEquals(8_750, transcript.segments().get(1).endMs());

    LoggedRequest request = onlyRequest();
    assertEquals("Bearer " + KEY, request.getHeader("Authorization"));
    assertTrue(request.getHeader("Content-Type").startsWith("multipart/form-data; boundary="));
    assertEquals(String.valueOf(request.getBody().length), request.getHeader("Content-Length"),
        "sent with an exact length, not chunked");
    Map<String, Request.Part> parts = parts(request);
    assertEquals("whisper-1", parts.get("model").getBody().asString());
    assertEquals("verbose_json", parts.get("response_format").getBody().asString());
    assertEquals("segment", parts.get("timestamp_granularities[]").getBody().asString());
    assertFalse(parts.containsKey("language"), "no hint and no configured language lets OpenAI detect it");
    Request.Part file = parts.get("file");
    assertTrue(file.getHeader("Content-Disposition").firstValue().contains("filename=\"llamada-42.wav\""));
    assertEquals("audio/wav", file.getHeader("Content-Type").firstValue());
    assertArrayEquals(AUDIO, file.getBody().asBytes());
  }

  @Test
  void givenNoApiKeyAndALanguageHint_whenTranscribing_itShouldOmitAuthorizationAndSendTheIsoCode() {
    wm.stubFor(post(PATH).willReturn(okJson(resource("openai-verbose.json"))));

    adapter(null).transcribe(wav(), "Spanish");

    LoggedRequest request = onlyRequest();
    assertFalse(request.containsHeader("Authorization"));
    assertEquals("es", parts(request).get("language").getBody().asString());
  }

  @Test
  void givenABaseUrlEndingInV1AndAGpt4oModel_whenTranscribing_itShouldNotDoubleV1AndAskForPlainJson() {
    wm.stubFor(post(PATH).willReturn(okJson("{\"text\":\" Hola, buenos días. \"}")));
    SpeechConfig config = new SpeechConfig();
    config.setProvider("openai");
    config.setBaseUrl(wm.baseUrl() + "/v1");
    config.setModel("gpt-4o-transcribe");

    Transcript transcript = new OpenAiSpeechToText(config).transcribe(wav(), null);

    assertEquals(List.of(new Segment(0, 0, "Hola, buenos días.", null, null)), transcript.segments());
    Map<String, Request.Part> parts = parts(onlyRequest());
    assertEquals("json", parts.get("response_format").getBody().asString());
    assertFalse(parts.containsKey("timestamp_granularities[]"));
  }

  @Test
  void given429WithRetryAfter_whenTranscribing_itShouldBeRetryableAfterThatDelay() {
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
        .withBody("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\"}}")));

    SpeechException e = assertThrows(SpeechException.class, () -> adapter(KEY).transcribe(wav(), null));

    assertTrue(e.retryable());
    assertEquals(429, e.getHttpStatus());
    assertEquals(Duration.ofSeconds(7), e.getRetryAfter());
    assertTrue(e.getMessage().contains("OpenAI") && e.getMessage().contains("Rate limit reached"), e.getMessage());
  }

  @Test
  void given503_whenTranscribing_itShouldBeRetryableWithoutDelay() {
    SpeechException e = failWith(503, "{\"error\":{\"message\":\"The server is overloaded\"}}");

    assertEquals(SpeechException.Kind.RETRYABLE, e.getKind());
    assertEquals(503, e.getHttpStatus());
    assertNull(e.getRetryAfter());
  }

  @Test
  void given400_whenTranscribing_itShouldBeRejectedWithTheProviderMessage() {
    SpeechException e = failWith(400, resource("openai-bad-format.json"));

    assertEquals(SpeechException.Kind.REJECTED, e.getKind());
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("HTTP 400") && e.getMessage().contains("Invalid file format"), e.getMessage());
  }

  @Test
  void given401_whenTranscribing_itShouldBeUnauthorizedAndNeverShowTheKey() {
    SpeechException e = failWith(401, resource("openai-bad-key.json"));

    assertEquals(SpeechException.Kind.UNAUTHORIZED, e.getKind());
    assertTrue(e.getMessage().contains("speech.apiKey"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY));
    assertFalse(e.getMessage().contains("sk-test"), "even the provider's masked echo is removed: " + e.getMessage());
  }

  @Test
  void given413_whenTranscribing_itShouldBeTooLarge() {
    SpeechException e = failWith(413, "{\"error\":{\"message\":\"Maximum content size limit (26214400) exceeded\"}}");

    assertEquals(SpeechException.Kind.TOO_LARGE, e.getKind());
    assertEquals(413, e.getHttpStatus());
  }

  @Test
  void givenA200ThatIsNotJson_whenTranscribing_itShouldBeRejectedWithoutEchoingTheBody() {
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("<html><body>Hola secreto</body></html>")));

    SpeechException e = assertThrows(SpeechException.class, () -> adapter(KEY).transcribe(wav(), null));

    assertEquals(SpeechException.Kind.REJECTED, e.getKind());
    assertTrue(e.getMessage().contains("not the expected JSON") && e.getMessage().contains("text/html"), e.getMessage());
    assertFalse(e.getMessage().contains("Hola secreto"));
  }

  @Test
  void givenNothingListening_whenTranscribing_itShouldBeRetryable() {
    SpeechConfig config = new SpeechConfig();
    config.setProvider("openai");
    config.setBaseUrl("http://127.0.0.1:" + SpeechFixtures.closedPort());

    SpeechException e = assertThrows(SpeechException.class, () -> new OpenAiSpeechToText(config).transcribe(wav(), null));

    assertEquals(SpeechException.Kind.RETRYABLE, e.getKind());
    assertEquals(0, e.getHttpStatus());
    assertTrue(e.getMessage().contains("speech.baseUrl"), e.getMessage());
  }

  @Test
  void givenASlowServer_whenTheRequestTimeoutPasses_itShouldBeRetryable() {
    wm.stubFor(post(PATH).willReturn(okJson(resource("openai-verbose.json")).withFixedDelay(600)));
    SpeechConfig config = new SpeechConfig();
    config.setProvider("openai");
    config.setBaseUrl(wm.baseUrl());
    config.setRequestTimeout("100ms");

    SpeechException e = assertThrows(SpeechException.class, () -> new OpenAiSpeechToText(config).transcribe(wav(), null));

    assertTrue(e.retryable());
    assertTrue(e.getMessage().contains("speech.requestTimeout"), e.getMessage());
  }

  @Test
  void givenASizeThatDoesNotMatchTheStream_whenTranscribing_itShouldBeRejected() {
    wm.stubFor(post(PATH).willReturn(okJson(resource("openai-verbose.json"))));
    AudioSource lying = new AudioSource("x.wav", "audio/wav", AUDIO.length + 10,
        () -> new java.io.ByteArrayInputStream(AUDIO));

    SpeechException e = assertThrows(SpeechException.class, () -> adapter(KEY).transcribe(lying, null));

    assertEquals(SpeechException.Kind.REJECTED, e.getKind());
    assertTrue(e.getMessage().contains("sizeBytes"), e.getMessage());
  }
}
