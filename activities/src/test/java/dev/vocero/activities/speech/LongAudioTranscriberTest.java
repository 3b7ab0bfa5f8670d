package dev.vocero.activities.speech;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LongAudioTranscriberTest {

  private static final String PATH = "/v1/audio/transcriptions";
  private static final long CAP = 2L * 1024 * 1024;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  java.nio.file.Path work;

  private final List<ChunkCheckpoint> heartbeats = new ArrayList<>();

  private SpeechConfig config() {
    SpeechConfig config = new SpeechConfig();
    config.setProvider("openai");
    config.setBaseUrl(wm.baseUrl());
    config.setMaxUploadBytes(CAP);
    return config;
  }

  /** Chunk n answers with its own text; from the second chunk on, its first words repeat the previous ending. */
  private static String answer(int n) {
    String repeated = n == 0 ? "" : "{\"start\":0.4,\"end\":2.5,\"text\":\" hasta luego. Parte " + n + " empieza\"},";
    return "{\"task\":\"transcribe\",\"language\":\"spanish\",\"duration\":60.0,\"segments\":[" + repeated
        + "{\"start\":3.0,\"end\":7.5,\"text\":\" Frase " + n + " del cliente.\",\"avg_logprob\":-0.2},"
        + "{\"start\":20.0,\"end\":26.0,\"text\":\" Chunk " + n + " hasta luego.\",\"avg_logprob\":-0.2}]}";
  }

  private void stubChunks(int count) {
    for (int n = 0; n < count; n++) {
      wm.stubFor(post(urlEqualTo(PATH)).inScenario("chunks")
          .whenScenarioStateIs(n == 0 ? Scenario.STARTED : "chunk-" + n)
          .willReturn(okJson(answer(n))).willSetStateTo("chunk-" + (n + 1)));
    }
  }

  private Checkpoints recording() {
    return new Checkpoints() {
      @Override
      public Optional<ChunkCheckpoint> last() {
        return Optional.empty();
      }

      @Override
      public void save(ChunkCheckpoint checkpoint) {
        heartbeats.add(checkpoint);
      }
    };
  }

  @Test
  void givenAWavOverTheCap_whenTranscribed_itShouldSendWavChunksUnderTheCapWithThePreviousTextAsPrompt()
      throws Exception {
    // 3.5 minutes: 21 x (8 s tone + 2 s silence), 6.7 MB at 16 kHz: over the 2 MiB cap
    short[] samples = TestAudio.tonesWithSilences(21, 8, 2);
    byte[] wav = TestAudio.wav(samples, 16_000f, 1);
    assertTrue(wav.length > CAP);
    SpeechConfig config = config();
    List<Chunk> plan = SilenceSplitter.plan(Pcm16k.of(samples), config.chunkLimits().chunkMsForWav(), 30_000, 1_000);
    stubChunks(plan.size());
    LongAudioTranscriber transcriber = new LongAudioTranscriber(new OpenAiSpeechToText(config), config.chunkLimits(),
        new AudioDecoder(work));

    Transcript t = transcriber.transcribe("sha-1", AudioSource.ofBytes("larga.wav", "audio/wav", wav), "es",
        recording(), UnaryOperator.identity());

    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertTrue(plan.size() >= 4, "several chunks: " + plan);
    assertEquals(plan.size(), requests.size());
    for (int n = 0; n < requests.size(); n++) {
      LoggedRequest request = requests.get(n);
      byte[] file = request.getPart("file").getBody().asBytes();
      assertTrue(request.getBody().length <= CAP, "request " + n + " is " + request.getBody().length + " bytes");
      AudioFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(file)).getFormat();
      assertEquals(16_000f, format.getSampleRate());
      assertEquals(1, format.getChannels());
      assertEquals((plan.get(n).end() - plan.get(n).start()) * 2 + 44, file.length);
      assertEquals("es", request.getPart("language").getBody().asString());
      if (n == 0) {
        assertTrue(request.getParts().stream().noneMatch(p -> p.getName().equals("prompt")));
      } else {
        String prompt = request.getPart("prompt").getBody().asString();
        assertTrue(prompt.endsWith("Chunk " + (n - 1) + " hasta luego."), prompt);
      }
    }
    assertEquals(plan.size() * 3 - 1, t.segments().size());
    assertEquals(samples.length * 1000L / 16_000, t.durationMs());
    long previousEnd = 0;
    for (Segment s : t.segments()) {
      assertTrue(s.startMs() >= previousEnd && s.endMs() >= s.startMs(), "monotonic: " + t.segments());
      assertFalse(s.text().startsWith("hasta luego"), "the repeated overlap words are dropped: " + s.text());
      previousEnd = s.endMs();
    }
    for (int n = 1; n < plan.size(); n++) {
      Segment parte = t.segments().get(3 * n - 1);
      assertEquals("Parte " + n + " empieza", parte.text());
      assertEquals(Math.max(plan.get(n).startMs() + 400, t.segments().get(3 * n - 2).endMs()), parte.startMs());
      assertEquals(plan.get(n).startMs() + 3_000, t.segments().get(3 * n).startMs(), "shifted by the chunk offset");
    }
    assertEquals(plan.size(), heartbeats.size());
    assertEquals(t.segments(), heartbeats.get(heartbeats.size() - 1).segments());
  }

  @Test
  void givenAFileUnderTheCap_whenTranscribed_itShouldSendItUnchangedInOneRequest() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(answer(0))));
    byte[] wav = TestAudio.wav(TestAudio.tonesWithSilences(2, 2, 1), 16_000f, 1);
    SpeechConfig config = config();

    Transcript t = new LongAudioTranscriber(new OpenAiSpeechToText(config), config.chunkLimits(),
        new AudioDecoder(work)).transcribe("sha-2", AudioSource.ofBytes("corta.wav", "audio/wav", wav), null,
        recording(), text -> text.toUpperCase(java.util.Locale.ROOT));

    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertEquals(1, requests.size());
    org.junit.jupiter.api.Assertions.assertArrayEquals(wav, requests.get(0).getPart("file").getBody().asBytes());
    assertEquals("FRASE 0 DEL CLIENTE.", t.segments().get(0).text(), "the filter applies to unchunked audio too");
    assertTrue(heartbeats.isEmpty());
  }
}
