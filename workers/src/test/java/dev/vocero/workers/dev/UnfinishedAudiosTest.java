package dev.vocero.workers.dev;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vocero.activities.storage.CamelBlobStore;
import dev.vocero.api.audio.AudioWorkflows;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.blob.BlobStore;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.camel.impl.DefaultCamelContext;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What {@code dev} does after a restart: audios PostgreSQL shows unfinished get their workflow back. */
@ExtendWith(DropwizardExtensionsSupport.class)
class UnfinishedAudiosTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = new WireMockServer(wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget, () -> {
    SPEECH.start();
    SpeechStub.answersSpanishCall(SPEECH);
    return SPEECH.baseUrl();
  });

  @AfterAll
  static void stop() {
    SPEECH.stop();
  }

  @Test
  void givenAnAudioLeftTranscribingByACrash_whenRestarted_itShouldComplete() throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ApiClient.Session admin = api.registerAndLogin("Org");
    UUID org = UUID.fromString(api.get("/api/v1/auth/me", admin.accessToken()).body().at("/user/organizationId").asText());

    byte[] wav = Wav.tone(0.8, 330);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wav));
    DefaultCamelContext camel = new DefaultCamelContext();
    camel.start();
    BlobStore blobs = new CamelBlobStore(camel, APP.getConfiguration().getBlobs().getEndpoint());
    blobs.put(BlobStore.keyFor(sha), new ByteArrayInputStream(wav), wav.length);
    Jdbi jdbi = DB.jdbi();
    UUID id = UUID.randomUUID();
    jdbi.useExtension(AudioDao.class, dao -> {
      dao.insert(AudioRow.queued(id, org, "crashed", "crashed.wav", "audio/wav", wav.length, sha, BlobStore.keyFor(sha), "es", null));
      dao.updateStatus(org, id, "transcribing", null);
    });

    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(TestStack.temporalTarget()).build());
    try {
      AudioWorkflows workflows = new AudioWorkflows(TestStack.client(stubs));
      assertEquals(1, UnfinishedAudios.restart(jdbi, workflows));
      awaitCompleted(jdbi, org, id);
      assertEquals(0, UnfinishedAudios.restart(jdbi, workflows), "nothing left to restart");
    } finally {
      stubs.shutdownNow();
      camel.stop();
    }
  }

  private static void awaitCompleted(Jdbi jdbi, UUID org, UUID id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      AudioRow row = jdbi.withExtension(AudioDao.class, dao -> dao.find(org, id)).orElseThrow();
      if (row.status().equals("completed")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the restarted audio never completed");
  }
}
