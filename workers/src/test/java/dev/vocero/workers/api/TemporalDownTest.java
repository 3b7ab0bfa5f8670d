package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API process with Temporal unreachable: uploads answer 503 and leave nothing behind. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TemporalDownTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final Path BLOBS = TestStack.tempDir("blobs-down");
  static final int DEAD_PORT = TestStack.freePort();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(Mode.API, DB,
      () -> "localhost:" + DEAD_PORT, () -> "http://127.0.0.1:9", TestStack.serverSecrets("twilio", "tw-" + "ab".repeat(16),
          ConfigOverride.config("blobs.endpoint", "file:" + BLOBS),
          ConfigOverride.config("temporal.rpcTimeoutSeconds", "2")));

  @Test
  void givenTemporalDown_whenUploading_itShouldAnswer503AndLeaveNoRowOrBlob() throws IOException {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session admin = api.registerAndLogin("Org");

    Reply reply = api.upload("/api/v1/audios", admin.accessToken(), "file", "call.wav", Wav.tone(0.5, 440), Map.of());

    assertEquals(503, reply.status(), String.valueOf(reply.body()));
    assertEquals("temporal_unavailable", reply.code());
    assertNotNull(reply.header("Retry-After"));
    assertEquals(0, api.get("/api/v1/audios", admin.accessToken()).body().get("total").asLong());
    try (Stream<Path> files = Files.walk(BLOBS)) {
      assertEquals(0, files.filter(Files::isRegularFile).count(), "no orphan blob");
    }
    Reply health = new ApiClient(APP.getAdminPort()).get("/healthcheck", null);
    assertEquals(500, health.status());
    assertEquals(false, health.body().get("temporal").get("healthy").asBoolean());
    assertEquals(true, health.body().get("postgresql").get("healthy").asBoolean());
  }
}
