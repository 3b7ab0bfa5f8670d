package dev.vocero.activities.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.activities.speech.AudioDecoder;
import dev.vocero.activities.speech.ChunkCheckpoint;
import dev.vocero.activities.speech.ChunkLimits;
import dev.vocero.activities.speech.LongAudioTranscriber;
import dev.vocero.activities.speech.Segment;
import dev.vocero.activities.speech.SpeechException;
import dev.vocero.activities.speech.SpeechException.Kind;
import dev.vocero.activities.speech.Transcript;
import dev.vocero.activities.storage.CamelBlobStore;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.audio.DefaultKeywords;
import dev.vocero.store.audio.KeywordDao;
import dev.vocero.store.audio.OpportunityDao;
import dev.vocero.store.audio.OpportunityRow;
import dev.vocero.store.audio.RedactionDao;
import dev.vocero.store.audio.SegmentRow;
import dev.vocero.store.audio.TranscriptDao;
import dev.vocero.store.blob.BlobStore;
import dev.vocero.workflows.audio.AudioActivities;
import dev.vocero.workflows.audio.AudioStatus;
import dev.vocero.workflows.audio.AudioStatusChange;
import dev.vocero.workflows.audio.OpportunityRequest;
import dev.vocero.workflows.audio.TranscriptionRequest;
import dev.vocero.workflows.audio.TranscriptionResult;
import dev.vocero.workflows.audio.AudioFailure;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AudioActivitiesImplTest {
  static Jdbi jdbi;
  static CamelContext camel;
  static CamelBlobStore blobs;
  static AudioDao audios;
  static TranscriptDao transcripts;
  static OpportunityDao opportunities;

  @TempDir static Path blobDir;

  final UUID org = UUID.randomUUID();
  final FakeSpeechToText speech = new FakeSpeechToText();
  AudioActivitiesImpl activities;

  @BeforeAll
  static void infrastructure() {
    jdbi = TestDatabase.fresh().jdbi();
    audios = jdbi.onDemand(AudioDao.class);
    transcripts = jdbi.onDemand(TranscriptDao.class);
    opportunities = jdbi.onDemand(OpportunityDao.class);
    camel = new DefaultCamelContext();
    camel.start();
    blobs = new CamelBlobStore(camel, CamelBlobStore.fileEndpoint(blobDir));
  }

  @AfterAll
  static void stopCamel() {
    camel.stop();
  }

  @BeforeEach
  void organization() {
    jdbi.onDemand(OrganizationDao.class).insert(org, "org " + org);
    activities = new AudioActivitiesImpl(jdbi, blobs, speech);
  }

  private UUID storedAudio(UUID orgId, String content, String language) throws Exception {
    return storedAudio(orgId, content.getBytes(StandardCharsets.UTF_8), language);
  }

  private UUID storedAudio(UUID orgId, byte[] bytes, String language) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    blobs.put(BlobStore.keyFor(sha), new ByteArrayInputStream(bytes), bytes.length);
    return audioRow(orgId, sha, bytes.length, language);
  }

  private UUID audioRow(UUID orgId, String sha, long size, String language) {
    UUID id = UUID.randomUUID();
    audios.insert(AudioRow.queued(id, orgId, "Llamada", "llamada.wav", "audio/wav", size, sha, BlobStore.keyFor(sha),
        language, null));
    return id;
  }

  private static Transcript spanishCall() {
    return new Transcript("es", 42_000, List.of(
        new Segment(0, 4_000, "Buenos días, le llamo por la factura pendiente.", "agent", 0.93),
        new Segment(4_000, 9_500, "Sí, le PAGARÉ el viernes con la tarjeta de crédito.", "customer", null),
        new Segment(9_500, 14_000, "Y si no lo arreglan, hablaré con mi abogado.", "customer", 0.71)));
  }

  private Map<String, Integer> redactions(UUID id) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readValue(
        jdbi.onDemand(RedactionDao.class).find(org, id).orElseThrow(),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() {});
  }

  private static ApplicationFailure failureOf(Runnable call) {
    return assertThrows(ApplicationFailure.class, call::run);
  }

  @Test
  void givenAStoredAudio_whenTranscribedAndMatched_itShouldStoreSegmentsOpportunitiesAndLanguage() throws Exception {
    UUID id = storedAudio(org, "RIFF fake wav one", "es");
    speech.answer(spanishCall());
    DefaultKeywords.seed(jdbi.onDemand(KeywordDao.class), org);

    TranscriptionResult result = activities.transcribe(new TranscriptionRequest(org, id, "es"));

    assertEquals(new TranscriptionResult(3, 42_000, "es", "fake"), result);
    assertEquals(List.of("es"), speech.hints);
    assertArrayEquals("RIFF fake wav one".getBytes(StandardCharsets.UTF_8), speech.received.get(0));
    assertEquals("llamada.wav", speech.sources.get(0).filename());
    assertEquals("audio/wav", speech.sources.get(0).contentType());
    AudioRow row = audios.find(org, id).orElseThrow();
    assertEquals("es", row.language());
    assertEquals(42_000L, row.durationMs());
    assertEquals("fake", row.speechProvider());
    List<SegmentRow> segments = transcripts.list(org, id);
    assertEquals(List.of(0, 1, 2), segments.stream().map(SegmentRow::idx).toList());
    assertEquals(new SegmentRow(0, 0, 4_000, "agent", "Buenos días, le llamo por la factura pendiente.", 0.93f),
        segments.get(0));
    assertNull(segments.get(1).confidence());

    assertEquals(3, activities.findOpportunities(new OpportunityRequest(org, id)).opportunities());

    List<OpportunityRow> found = opportunities.list(org, id);
    assertEquals(List.of("payment_promise", "upsell", "legal_threat"),
        found.stream().map(OpportunityRow::topic).toList());
    assertEquals("PAGARÉ", found.get(0).matchedText());
    assertEquals("pagar", found.get(0).keyword());
    assertEquals(1, found.get(0).segmentIdx());
    assertEquals(4_000, found.get(0).startMs());
  }

  @Test
  void givenARetriedTranscription_itShouldReplaceTheSegmentsAndOpportunities() throws Exception {
    UUID id = storedAudio(org, "RIFF fake wav two", "es");
    jdbi.onDemand(KeywordDao.class).insert(org, "abogado", "legal_threat", "high", List.of(), "es");
    speech.answer(spanishCall());
    activities.transcribe(new TranscriptionRequest(org, id, "es"));
    activities.findOpportunities(new OpportunityRequest(org, id));

    speech.answer(new Transcript(null, 0, List.of(new Segment(0, 2_500, "Hola, ¿quién habla?", null, 0.5))));
    TranscriptionResult again = activities.transcribe(new TranscriptionRequest(org, id, "es"));

    assertEquals(new TranscriptionResult(1, 2_500, "es", "fake"), again);
    assertEquals(List.of("Hola, ¿quién habla?"), transcripts.list(org, id).stream().map(SegmentRow::text).toList());
    assertEquals(0, activities.findOpportunities(new OpportunityRequest(org, id)).opportunities());
    assertTrue(opportunities.list(org, id).isEmpty());
  }

  @Test
  void givenANewLanguage_itShouldRecordItAndUseIt_andWithoutOneItShouldUseTheStoredHint() throws Exception {
    UUID id = storedAudio(org, "RIFF fake wav three", "es");

    activities.transcribe(new TranscriptionRequest(org, id, "en"));
    assertEquals("en", audios.find(org, id).orElseThrow().requestedLanguage());

    activities.transcribe(new TranscriptionRequest(org, id, null));
    assertEquals(List.of("en", "en"), speech.hints);
    assertEquals("en", audios.find(org, id).orElseThrow().requestedLanguage());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void givenAProviderFailure_itShouldRaiseTheMatchingFailureType(Kind kind) throws Exception {
    UUID id = storedAudio(org, "RIFF fake wav four", "es");
    speech.fail(new SpeechException(kind, "provider said no"));

    ApplicationFailure failure = failureOf(() -> activities.transcribe(new TranscriptionRequest(org, id, "es")));

    String expected = switch (kind) {
      case RETRYABLE -> AudioActivitiesImpl.SPEECH_RETRYABLE;
      case REJECTED -> AudioFailure.SPEECH_REJECTED.type();
      case UNAUTHORIZED -> AudioFailure.SPEECH_UNAUTHORIZED.type();
      case TOO_LARGE -> AudioFailure.AUDIO_TOO_LARGE.type();
      case NOT_CONFIGURED -> AudioFailure.SPEECH_NOT_CONFIGURED.type();
    };
    assertEquals(expected, failure.getType());
    assertEquals(kind != Kind.RETRYABLE, failure.isNonRetryable());
    assertEquals("provider said no", failure.getOriginalMessage());
    assertNull(failure.getNextRetryDelay());
    assertTrue(transcripts.list(org, id).isEmpty());
  }

  @Test
  void givenARetryAfter_itShouldBecomeTheNextRetryDelay() throws Exception {
    UUID id = storedAudio(org, "RIFF fake wav five", "es");
    speech.fail(new SpeechException(Kind.RETRYABLE, 429, Duration.ofSeconds(37), "rate limited", null));

    ApplicationFailure failure = failureOf(() -> activities.transcribe(new TranscriptionRequest(org, id, "es")));

    assertFalse(failure.isNonRetryable());
    assertEquals(Duration.ofSeconds(37), failure.getNextRetryDelay());
  }

  @Test
  void givenAMissingBlobOrAudio_itShouldFailAsAudioNotFound() {
    UUID withoutBlob = audioRow(org, "f0".repeat(32), 10, "es");

    ApplicationFailure noBlob = failureOf(
        () -> activities.transcribe(new TranscriptionRequest(org, withoutBlob, "es")));
    ApplicationFailure noAudio = failureOf(
        () -> activities.transcribe(new TranscriptionRequest(org, UUID.randomUUID(), "es")));
    ApplicationFailure noAudioToMatch = failureOf(
        () -> activities.findOpportunities(new OpportunityRequest(org, UUID.randomUUID())));

    for (ApplicationFailure failure : List.of(noBlob, noAudio, noAudioToMatch)) {
      assertEquals(AudioFailure.AUDIO_NOT_FOUND.type(), failure.getType());
      assertTrue(failure.isNonRetryable());
    }
    assertTrue(speech.hints.isEmpty());
  }

  @Test
  void givenAnotherOrganizationsAudio_itShouldFailAsAudioNotFoundAndChangeNothing() throws Exception {
    UUID id = storedAudio(org, "RIFF fake wav six", "es");
    UUID intruder = UUID.randomUUID();
    jdbi.onDemand(OrganizationDao.class).insert(intruder, "intruder");

    ApplicationFailure transcribe = failureOf(
        () -> activities.transcribe(new TranscriptionRequest(intruder, id, "en")));
    ApplicationFailure match = failureOf(() -> activities.findOpportunities(new OpportunityRequest(intruder, id)));
    activities.recordStatus(new AudioStatusChange(intruder, id, AudioStatus.FAILED, "nope"));

    assertEquals(AudioFailure.AUDIO_NOT_FOUND.type(), transcribe.getType());
    assertEquals(AudioFailure.AUDIO_NOT_FOUND.type(), match.getType());
    AudioRow row = audios.find(org, id).orElseThrow();
    assertEquals("queued", row.status());
    assertEquals("es", row.requestedLanguage());
    assertTrue(speech.hints.isEmpty());
  }

  @Test
  void givenStatusChanges_itShouldMirrorThem_andIgnoreADeletedAudio() throws Exception {
    UUID id = storedAudio(org, "RIFF fake wav seven", "es");

    activities.recordStatus(new AudioStatusChange(org, id, AudioStatus.FAILED, "SPEECH_UNAUTHORIZED"));
    assertEquals("failed", audios.find(org, id).orElseThrow().status());
    assertEquals("SPEECH_UNAUTHORIZED", audios.find(org, id).orElseThrow().failureReason());

    audios.delete(org, id);
    activities.recordStatus(new AudioStatusChange(org, id, AudioStatus.CANCELLED, null));
    assertTrue(audios.find(org, id).isEmpty());
  }

  @Test
  void givenRedactionOn_whenTranscribed_itShouldStoreOnlyRedactedTextAndTheCounts() throws Exception {
    jdbi.onDemand(OrganizationDao.class).updatePrivacy(org, true, "CL");
    UUID id = storedAudio(org, "RIFF fake wav redacted", "es");
    speech.answer(new Transcript("es", 9_000, List.of(
        new Segment(0, 4_000, "Mi correo es ana@correo.cl y mi celular 9 8765 4321.", "customer", 0.9),
        new Segment(4_000, 9_000, "Pago 45.990 pesos el 15/03/2024 con la tarjeta 4111 1111 1111 1111; RUT 12.345.678-5.",
            "customer", 0.8))));

    activities.transcribe(new TranscriptionRequest(org, id, "es"));

    assertEquals(List.of("Mi correo es [EMAIL] y mi celular [PHONE].",
            "Pago 45.990 pesos el 15/03/2024 con la tarjeta [CARD]; RUT [ID]."),
        transcripts.list(org, id).stream().map(SegmentRow::text).toList());
    assertEquals(Map.of("card", 1, "email", 1, "id", 1, "phone", 1), redactions(id));
  }

  @Test
  void givenRedactionOff_whenTranscribed_itShouldStoreTheTextAsHeardAndNoCounts() throws Exception {
    UUID id = storedAudio(org, "RIFF fake wav plain", "es");
    speech.answer(new Transcript("es", 4_000, List.of(new Segment(0, 4_000, "Mi correo es ana@correo.cl", null, null))));

    activities.transcribe(new TranscriptionRequest(org, id, "es"));

    assertEquals("Mi correo es ana@correo.cl", transcripts.list(org, id).get(0).text());
    assertTrue(jdbi.onDemand(RedactionDao.class).find(org, id).isEmpty());
  }

  @Test
  void givenHeartbeatDetailsOfAnEarlierAttempt_whenRetriedInTemporal_itShouldTranscribeOnlyTheRemainingChunks()
      throws Exception {
    jdbi.onDemand(OrganizationDao.class).updatePrivacy(org, true, "CL");
    // 100 s of 4 s tones and 1 s pauses: 3.2 MB of WAV, over a 1 MiB cap
    byte[] wav = Wav.tonesWithPauses(20, 4, 1);
    UUID id = storedAudio(org, wav, "es");
    String sha = audios.find(org, id).orElseThrow().sha256();
    ChunkLimits limits = new ChunkLimits(1024 * 1024, 600_000, 1_000, 10_000);
    AudioActivitiesImpl chunking = new AudioActivitiesImpl(jdbi, blobs, speech,
        new LongAudioTranscriber(speech, limits, new AudioDecoder(blobDir.resolve("work"))),
        ActivityCheckpoints::current);
    speech.answer(new Transcript("es", 0, List.of(new Segment(500, 2_000, "Llámeme al 9 8765 4321", null, null))));
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(chunking);
      List<ChunkCheckpoint> heartbeats = new ArrayList<>();
      env.setActivityHeartbeatListener(ChunkCheckpoint.class, heartbeats::add);
      ChunkCheckpoint first = new ChunkCheckpoint(sha, 4, 1, "es",
          List.of(new Segment(0, 3_000, "Parte ya transcrita, correo [EMAIL].", null, null)));
      env.setHeartbeatDetails(first);

      TranscriptionResult result = env.newActivityStub(AudioActivities.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1)).build()).transcribe(new TranscriptionRequest(org, id, "es"));

      assertEquals(3, speech.hints.size(), "chunks 1, 2 and 3 only; chunk 0 came from the heartbeat details");
      // the SDK throttles heartbeats: the first is sent at once, later ones coalesce (the newest wins)
      assertEquals(2, heartbeats.get(0).nextChunk());
      assertEquals(4, result.segments());
      assertEquals(100_000, result.durationMs());
      List<SegmentRow> rows = transcripts.list(org, id);
      assertEquals("Parte ya transcrita, correo [EMAIL].", rows.get(0).text());
      assertEquals("Llámeme al [PHONE]", rows.get(1).text(), "redacted before it is checkpointed and stored");
      assertTrue(rows.get(1).startMs() > 20_000 && rows.get(3).startMs() > rows.get(2).startMs());
      assertEquals(Map.of("card", 0, "email", 1, "id", 0, "phone", 3), redactions(id));
    } finally {
      env.close();
    }
  }
}
