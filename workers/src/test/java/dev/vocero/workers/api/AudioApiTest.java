package dev.vocero.workers.api;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class AudioApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = started();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, SPEECH::baseUrl);
  static ApiClient api;
  static Session admin;

  static WireMockServer started() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    SpeechStub.answersSpanishCall(server);
    return server;
  }

  @BeforeAll
  static void login() {
    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Ventas Norte");
  }

  @AfterAll
  static void stop() {
    SPEECH.stop();
  }

  private Reply upload(String filename, byte[] content) {
    return api.upload("/api/v1/audios", admin.accessToken(), "file", filename, content, Map.of("language", "es"));
  }

  private long total(Session session) {
    return api.get("/api/v1/audios", session.accessToken()).body().get("total").asLong();
  }

  @Test
  void givenBadFiles_itShouldRefuseEachWithItsCodeAndStoreNothing() {
    Session fresh = api.registerAndLogin("Empty org");
    Reply text = api.upload("/api/v1/audios", fresh.accessToken(), "file", "call.wav",
        "this is not audio at all, just text".getBytes(StandardCharsets.UTF_8), Map.of());
    assertEquals(415, text.status());
    assertEquals("unsupported_audio_type", text.code());

    Reply empty = api.upload("/api/v1/audios", fresh.accessToken(), "file", "empty.wav", new byte[0], Map.of());
    assertEquals(422, empty.status());
    assertEquals("empty_file", empty.code());

    String oversize = api.announceUpload("/api/v1/audios", fresh.accessToken(), 50L * 1024 * 1024);
    assertTrue(oversize.startsWith("HTTP/1.1 413"), oversize);
    assertTrue(oversize.contains("\"code\":\"file_too_large\""), oversize);

    Reply missing = api.upload("/api/v1/audios", fresh.accessToken(), null, null, null, Map.of("title", "no file"));
    assertEquals(400, missing.status());
    assertEquals("missing_file", missing.code());

    Reply badLanguage = api.upload("/api/v1/audios", fresh.accessToken(), "file", "a.wav", Wav.tone(0.5, 300),
        Map.of("language", "Spanish!"));
    assertEquals(422, badLanguage.status());

    Reply json = api.post("/api/v1/audios", fresh.accessToken(), Map.of("file", "x"));
    assertEquals(415, json.status());
    assertEquals("unsupported_media_type", json.code());

    assertEquals(0, total(fresh), "nothing stored after bad uploads");
  }

  @Test
  void givenTheSameBytesTwice_itShouldReturnTheExistingAudioUnlessForced() {
    byte[] wav = Wav.tone(1.0, 523);
    Reply first = upload("llamada.wav", wav);
    assertEquals(202, first.status(), String.valueOf(first.body()));
    String id = first.body().get("id").asText();
    assertEquals("/api/v1/audios/" + id, java.net.URI.create(first.header("Location")).getPath());

    Reply second = upload("otra.wav", wav);
    assertEquals(200, second.status());
    assertEquals(id, second.body().get("id").asText());

    Reply forced = api.upload("/api/v1/audios?force=true", admin.accessToken(), "file", "x.wav", wav, Map.of());
    assertEquals(202, forced.status());
    assertNotEquals(id, forced.body().get("id").asText());

    Reply file = api.get("/api/v1/audios/" + id + "/file", admin.accessToken());
    assertEquals(200, file.status());
    assertEquals("audio/wav", file.header("Content-Type"));
    assertArrayEquals(wav, file.raw().body());
  }

  @Test
  void givenAnotherOrganization_itShouldGet404ForEveryAudioEndpoint() {
    String id = upload("privado.wav", Wav.tone(0.7, 610)).body().get("id").asText();
    Session other = api.registerAndLogin("Competidor");
    assertEquals(404, api.get("/api/v1/audios/" + id, other.accessToken()).status());
    assertEquals(404, api.get("/api/v1/audios/" + id + "/file", other.accessToken()).status());
    assertEquals(404, api.send("DELETE", "/api/v1/audios/" + id, other.accessToken(), null).status());
    assertEquals(404, api.post("/api/v1/audios/" + id + "/reprocess", other.accessToken(), Map.of()).status());
    assertEquals(0, total(other));
    assertEquals(200, api.get("/api/v1/audios/" + id, admin.accessToken()).status());
  }

  @Test
  void givenADeletedAudio_itShouldBeGoneWithItsFile() {
    String id = upload("borrar.wav", Wav.tone(0.6, 700)).body().get("id").asText();
    assertEquals(204, api.send("DELETE", "/api/v1/audios/" + id, admin.accessToken(), null).status());
    assertEquals(404, api.get("/api/v1/audios/" + id, admin.accessToken()).status());
    assertEquals(404, api.get("/api/v1/audios/" + id + "/file", admin.accessToken()).status());
  }

  @Test
  void givenListingParameters_itShouldValidateThem() {
    assertEquals(422, api.get("/api/v1/audios?status=done", admin.accessToken()).status());
    assertEquals(422, api.get("/api/v1/audios?pageSize=1000", admin.accessToken()).status());
    Reply page = api.get("/api/v1/audios?page=1&pageSize=1", admin.accessToken());
    assertEquals(200, page.status());
    assertTrue(page.body().get("items").size() <= 1);
    assertEquals(404, api.get("/api/v1/audios/not-a-uuid", admin.accessToken()).status());
  }

  @Test
  void givenTheDictionary_itShouldStartWithDefaultsAndRejectDuplicates() {
    Reply list = api.get("/api/v1/opportunity-keywords", admin.accessToken());
    assertTrue(list.body().size() > 20);
    Reply dup = api.post("/api/v1/opportunity-keywords", admin.accessToken(),
        Map.of("keyword", "PAGAR", "topic", "payment_promise", "priority", "high"));
    assertEquals(409, dup.status());
    assertEquals("keyword_exists", dup.code());
    Reply bad = api.post("/api/v1/opportunity-keywords", admin.accessToken(),
        Map.of("keyword", "x", "topic", "t", "priority", "urgent"));
    assertEquals(422, bad.status());
  }
}
