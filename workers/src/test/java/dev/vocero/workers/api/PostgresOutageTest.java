package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PostgreSQL down: the API and the webhooks answer 503 with Retry-After (never 500), and recover when it is back. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PostgresOutageTest {
  static final Path DATA = TestStack.tempDir("outage-pg").resolve("data");
  static final int PORT = TestStack.freePort();
  static EmbeddedPostgres postgres = startPostgres();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(null, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9",
      ConfigOverride.config("database.url", "jdbc:postgresql://localhost:" + PORT + "/postgres"),
      ConfigOverride.config("database.checkConnectionOnBorrow", "true"));

  private static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(PORT)
          .setOverrideWorkingDirectory(TestStack.tempDir("outage-pg-runtime").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void givenPostgresStopped_whenClientsAndProvidersCall_itShouldAnswer503WithRetryAfterAndRecover() throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    String token = api.registerAndLogin("Caída").accessToken();
    assertEquals(200, api.get("/api/v1/audios", token).status());
    assertEquals("jdbc:postgresql://localhost:" + PORT + "/postgres", APP.getConfiguration().getDatabase().getUrl());

    postgres.close();
    Reply list = api.get("/api/v1/audios", token);
    assertEquals(503, list.status(), String.valueOf(list.body()));
    assertEquals("database_unavailable", list.code());
    assertEquals("5", list.header("Retry-After"));
    Reply login = api.post("/api/v1/auth/login", null, Map.of("email", "x@example.com", "password", "long enough pw"));
    assertEquals(503, login.status(), String.valueOf(login.body()));
    assertEquals(503, statusCallback(), "a callback that cannot be stored is refused so that Twilio retries it");

    postgres = startPostgres();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    int status = 0;
    while (Instant.now().isBefore(deadline) && (status = api.get("/api/v1/audios", token).status()) != 200) {
      Thread.sleep(250);
    }
    assertEquals(200, status, "the API recovers without a restart");
  }

  private static int statusCallback() {
    return new ApiClient(APP.getLocalPort()).twilioCallback("/webhooks/twilio/voice/status?attemptId=" + UUID.randomUUID(),
        new LinkedHashMap<>(Map.of("CallSid", "CA" + "9".repeat(32), "CallStatus", "completed", "SequenceNumber", "3",
            "CallDuration", "10")), "sandbox-auth-token").status();
  }
}
