package dev.vocero.workers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/** An OpenAI-compatible speech server (WireMock) answering {@code verbose_json} like the real one. */
public final class SpeechStub {
  public static final String PATH = "/v1/audio/transcriptions";
  public static final String SPANISH_CALL = """
      {"task":"transcribe","language":"spanish","duration":14.2,
       "text":"Buenos días, le llamo por su deuda. Sí, puedo pagar el viernes sin falta. Gracias.",
       "segments":[
        {"id":0,"seek":0,"start":0.0,"end":3.4,"text":" Buenos días, le llamo por su deuda.","avg_logprob":-0.21,"no_speech_prob":0.01},
        {"id":1,"seek":0,"start":3.4,"end":9.8,"text":" Sí, puedo pagar el viernes sin falta.","avg_logprob":-0.18,"no_speech_prob":0.01},
        {"id":2,"seek":0,"start":9.8,"end":14.2,"text":" Gracias, quiero hablar con un abogado si no me dan plazo.","avg_logprob":-0.3,"no_speech_prob":0.02}
       ]}
      """;

  private SpeechStub() {}

  /** The stub's base URL, starting it first: the app's configuration asks for it before any test runs. */
  public static String startedBaseUrl(WireMockServer server) {
    if (!server.isRunning()) {
      server.start();
    }
    return server.baseUrl();
  }

  public static void answersSpanishCall(WireMockServer server) {
    server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(SPANISH_CALL)));
  }
}
