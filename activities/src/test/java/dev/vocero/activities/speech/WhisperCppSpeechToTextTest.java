package dev.vocero.activities.speech;

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

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WhisperCppSpeechToTextTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static WhisperCppSpeechToText adapter(String language) {
    SpeechConfig config = new SpeechConfig();
    config.setProvider("whisper-cpp");
    config.setBaseUrl(wm.baseUrl());
    config.setLanguage(language);
    return new WhisperCppSpeechToText(config);
  }

  private static Map<String, Request.Part> sentParts() {
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo("/inference")));
    assertEquals(1, requests.size());
    assertFalse(requests.get(0).containsHeader("Authorization"));
    return requests.get(0).getParts().stream().collect(Collectors.toMap(Request.Part::getName, Function.identity()));
  }

  @Test
  void givenNoLanguage_whenTranscribing_itShouldPostToInferenceWithAutoAndParseVerboseJson() {
    wm.stubFor(post("/inference").willReturn(okJson(resource("whisper-cpp-verbose.json"))));

    Transcript transcript = adapter(null).transcribe(SpeechFixtures.wav(), null);

    assertEquals("es", transcript.language(), "whisper.cpp's full language name is normalised");
    assertEquals(6_500, transcript.durationMs());
    assertEquals("¿hablo con el señor García?", transcript.segments().get(0).text().substring(15));
    assertEquals(3_600, transcript.segments().get(1).startMs());
    assertEquals(Math.exp(-0.4), transcript.segments().get(1).confidence(), 1e-9);

    Map<String, Request.Part> parts = sentParts();
    assertEquals("verbose_json", parts.get("response_format").getBody().asString());
    assertEquals("0.0", parts.get("temperature").getBody().asString());
    assertEquals("auto", parts.get("language").getBody().asString());
    assertTrue(parts.get("file").getHeader("Content-Disposition").firstValue().contains("filename=\"llamada-42.wav\""));
    assertArrayEquals(AUDIO, parts.get("file").getBody().asBytes());
  }

  @Test
  void givenAConfiguredLanguageAndDetectedLanguageField_whenTranscribing_itShouldSendAndReadThem() {
    wm.stubFor(post("/inference").willReturn(okJson(
        "{\"detected_language\":\"es\",\"segments\":[{\"start\":0.5,\"end\":1.25,\"text\":\" Sí.\"}]}")));

    Transcript transcript = adapter("es").transcribe(SpeechFixtures.wav(), null);

    assertEquals(new Transcript("es", 1_250, List.of(new Segment(500, 1_250, "Sí.", null, null))), transcript);
    assertEquals("es", sentParts().get("language").getBody().asString());
  }

  @Test
  void givenAnErrorReportedWithHttp200_whenTranscribing_itShouldBeRejectedWithItsMessage() {
    wm.stubFor(post("/inference").willReturn(okJson("{\"error\":\"failed to read WAV file\"}")));

    SpeechException e = assertThrows(SpeechException.class, () -> adapter(null).transcribe(SpeechFixtures.wav(), null));

    assertEquals(SpeechException.Kind.REJECTED, e.getKind());
    assertTrue(e.getMessage().contains("failed to read WAV file") && e.getMessage().contains("--convert"), e.getMessage());
  }
}
