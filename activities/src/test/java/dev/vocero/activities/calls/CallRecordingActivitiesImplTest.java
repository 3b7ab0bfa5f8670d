package dev.vocero.activities.calls;

import dev.vocero.workflows.calls.CallFailure;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vocero.activities.recordings.RecordingDownloads;
import dev.vocero.activities.storage.CamelBlobStore;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.workflows.calls.CallRecordingActivities;
import dev.vocero.workflows.calls.CallRecordingActivities.RecordingRequest;
import dev.vocero.workflows.calls.CallRecordingActivities.StoredRecording;
import dev.vocero.workflows.calls.RecordingEvent;
import io.temporal.failure.ApplicationFailure;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Recordings downloaded the way each provider documents it (WireMock), stored once on real PostgreSQL and blobs. */
class CallRecordingActivitiesImplTest {
  static final String ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
  static final String AUTH_TOKEN = "twilio-auth-token-0123456789";
  static final String RECORDING_SID = "RE" + "fedcba9876543210".repeat(2);
  static final String RECORDING_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + RECORDING_SID;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir static Path blobDir;
  static Jdbi jdbi;
  static CamelContext camel;
  static CamelBlobStore blobs;

  @BeforeAll
  static void infrastructure() {
    jdbi = TestDatabase.fresh().jdbi();
    camel = new DefaultCamelContext();
    camel.start();
    blobs = new CamelBlobStore(camel, CamelBlobStore.fileEndpoint(blobDir));
  }

  @AfterAll
  static void stop() {
    camel.stop();
  }

  private static CallRecordingActivitiesImpl activities(String authToken) {
    RecordingDownloads downloads = new RecordingDownloads(new dev.vocero.activities.net.PublicAddresses(true),
        Map.of("twilio", new RecordingDownloads.BasicAuth(ACCOUNT_SID, authToken)), Map.of(), 1_000_000,
        Duration.ofSeconds(10));
    return new CallRecordingActivitiesImpl(jdbi, blobs, downloads);
  }

  @Test
  void givenATwilioRecording_whenStoredTwice_itShouldDownloadTheWavWithBasicAuthOnceAndMakeOneAudio() throws Exception {
    byte[] wav = wav(440);
    wm.stubFor(get(urlEqualTo(RECORDING_PATH + ".wav")).withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/x-wav").withBody(wav)));
    Attempt attempt = attempt("twilio");
    RecordingRequest request = new RecordingRequest(attempt.org(), attempt.id(), twilioRecording(attempt.id()));

    StoredRecording first = activities(AUTH_TOKEN).storeRecording(request);
    StoredRecording again = activities(AUTH_TOKEN).storeRecording(request);

    assertTrue(first.created());
    assertFalse(again.created(), "a retried activity finds the audio it made");
    assertEquals(first.audioId(), again.audioId());
    assertEquals("es", first.language(), "from the batch's script language es-MX");
    wm.verify(1, getRequestedFor(urlEqualTo(RECORDING_PATH + ".wav")));
    AudioRow audio = jdbi.withExtension(AudioDao.class, dao -> dao.find(attempt.org(), first.audioId())).orElseThrow();
    assertEquals("audio/wav", audio.contentType());
    assertEquals(wav.length, audio.sizeBytes());
    assertEquals("queued", audio.status());
    assertEquals(RECORDING_SID + ".wav", audio.originalFilename());
    try (InputStream stored = blobs.open(audio.blobKey())) {
      assertArrayEquals(wav, stored.readAllBytes());
    }
    assertEquals(List.of("call|" + attempt.id()), jdbi.withHandle(h -> h.createQuery(
        "select source || '|' || call_attempt_id from audios where org_id = :org").bind("org", attempt.org())
        .mapTo(String.class).list()));
    assertEquals(first.audioId(), jdbi.withExtension(AttemptDao.class, dao -> dao.find(attempt.org(), attempt.id()))
        .orElseThrow().audioId(), "the attempt points at its audio");
  }

  @Test
  void givenWrongTwilioCredentials_itShouldFailForGoodAndStoreNothing() {
    wm.stubFor(get(urlEqualTo(RECORDING_PATH + ".wav")).withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
        .willReturn(aResponse().withStatus(200).withBody(wav(300))));
    wm.stubFor(get(urlEqualTo(RECORDING_PATH + ".wav")).atPriority(10)
        .willReturn(aResponse().withStatus(401).withBody("{\"code\":20003,\"message\":\"Authenticate\"}")));
    Attempt attempt = attempt("twilio");

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> activities("not-the-token")
        .storeRecording(new RecordingRequest(attempt.org(), attempt.id(), twilioRecording(attempt.id()))));

    assertEquals(CallFailure.RECORDING_UNAVAILABLE.type(), failure.getType());
    assertTrue(failure.isNonRetryable());
    assertEquals(0, audios(attempt.org()));
  }

  @Test
  void givenAProviderOutage_itShouldFailRetryably() {
    wm.stubFor(get(urlEqualTo(RECORDING_PATH + ".wav"))
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));
    Attempt attempt = attempt("twilio");

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> activities(AUTH_TOKEN)
        .storeRecording(new RecordingRequest(attempt.org(), attempt.id(), twilioRecording(attempt.id()))));

    assertFalse(failure.isNonRetryable());
    assertEquals(Duration.ofSeconds(7), failure.getNextRetryDelay());
    assertEquals(0, audios(attempt.org()));
  }

  @Test
  void givenARetellRecordingUrl_itShouldFetchItAsGivenWithoutCredentials() {
    wm.stubFor(get(urlEqualTo("/retell-recordings/call_abc/recording.wav")).withHeader("Authorization", absent())
        .willReturn(aResponse().withStatus(200).withBody(wav(600))));
    Attempt attempt = attempt("retell");
    RecordingEvent recording = new RecordingEvent("recording:call_abc", "retell", attempt.id(), "call_abc", "call_abc",
        wm.baseUrl() + "/retell-recordings/call_abc/recording.wav", "completed", 42L);

    StoredRecording stored = activities(AUTH_TOKEN).storeRecording(
        new RecordingRequest(attempt.org(), attempt.id(), recording));

    assertTrue(stored.created());
    assertEquals(1, audios(attempt.org()));
  }

  private RecordingEvent twilioRecording(UUID attemptId) {
    return new RecordingEvent(RECORDING_SID + ":completed", "twilio", attemptId, "CA" + "1".repeat(32), RECORDING_SID,
        wm.baseUrl() + RECORDING_PATH, "completed", 42L);
  }

  private static long audios(UUID org) {
    return jdbi.withExtension(AudioDao.class, dao -> dao.count(org, null));
  }

  record Attempt(UUID org, UUID id) {}

  /** An organization, a batch (script es-MX) with one contact, and one attempt placed through {@code provider}. */
  private static Attempt attempt(String provider) {
    UUID org = UUID.randomUUID();
    UUID batch = UUID.randomUUID();
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org " + org));
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(batch, org, "B", "{}", "x.csv", "csv", 1, 1, 0, null));
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, batch, List.of(new ContactDao.NewContact(2, "Ana",
        List.of("+573001234560"), null, null, "America/Bogota", null, null, "{}"))));
    long contact = jdbi.withExtension(ContactDao.class, dao -> dao.idsAfter(org, batch, 0, 1)).get(0);
    UUID attemptId = UUID.randomUUID();
    jdbi.useExtension(AttemptDao.class, dao -> {
      dao.insertPlanned(attemptId, org, batch, contact, 1, 0, "+573001234560");
      dao.markPlaced(org, attemptId, provider, "CA-" + attemptId);
    });
    return new Attempt(org, attemptId);
  }

  /** Half a second of 8 kHz 16-bit mono PCM at {@code hertz}. */
  static byte[] wav(int hertz) {
    int samples = 4000;
    ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII))
        .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000)
        .putInt(16000).putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
        .putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) Math.round(6000 * Math.sin(2 * Math.PI * hertz * i / 8000.0)));
    }
    return b.array();
  }
}
