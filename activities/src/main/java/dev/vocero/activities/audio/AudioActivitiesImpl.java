package dev.vocero.activities.audio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.activities.opportunities.OpportunityMatcher;
import dev.vocero.activities.speech.Checkpoints;
import dev.vocero.activities.speech.LongAudioTranscriber;
import dev.vocero.activities.speech.Segment;
import dev.vocero.activities.speech.SpeechException;
import dev.vocero.activities.speech.SpeechToText;
import dev.vocero.activities.speech.Transcript;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.accounts.PrivacySettings;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.audio.KeywordDao;
import dev.vocero.store.audio.OpportunityDao;
import dev.vocero.store.audio.OpportunityRow;
import dev.vocero.store.audio.RedactionDao;
import dev.vocero.store.audio.SegmentRow;
import dev.vocero.store.audio.TranscriptDao;
import dev.vocero.store.blob.BlobStore;
import dev.vocero.workflows.audio.AudioActivities;
import dev.vocero.workflows.audio.AudioStatusChange;
import dev.vocero.workflows.audio.OpportunityRequest;
import dev.vocero.workflows.audio.OpportunityResult;
import dev.vocero.workflows.audio.TranscriptionRequest;
import dev.vocero.workflows.audio.TranscriptionResult;
import dev.vocero.workflows.audio.AudioFailure;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Audio steps against PostgreSQL, the blob store and the configured speech provider. */
public final class AudioActivitiesImpl implements AudioActivities {
  /** Type of the retryable failure raised when the provider is busy or unreachable. */
  public static final String SPEECH_RETRYABLE = "SpeechRetryable";

  private static final Logger LOG = LoggerFactory.getLogger(AudioActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;
  private final AudioDao audios;
  private final BlobStore blobs;
  private final SpeechToText speech;
  private final LongAudioTranscriber longAudio;
  private final Supplier<Checkpoints> checkpoints;
  private final OpportunityMatcher matcher = new OpportunityMatcher();

  public AudioActivitiesImpl(Jdbi jdbi, BlobStore blobs, SpeechToText speech) {
    this(jdbi, blobs, speech, new LongAudioTranscriber(speech), ActivityCheckpoints::current);
  }

  /** With chunking and checkpoints of the caller's choosing (tests). */
  public AudioActivitiesImpl(Jdbi jdbi, BlobStore blobs, SpeechToText speech, LongAudioTranscriber longAudio,
                             Supplier<Checkpoints> checkpoints) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.speech = Objects.requireNonNull(speech, "speech");
    this.longAudio = Objects.requireNonNull(longAudio, "longAudio");
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    this.audios = jdbi.onDemand(AudioDao.class);
  }

  @Override
  public void recordStatus(AudioStatusChange change) {
    int updated = audios.updateStatus(change.orgId(), change.audioId(), change.status().wire(), change.failureReason());
    if (updated == 0) {
      // Deleting an audio cancels its workflow; a late status write for it is expected, not an error.
      LOG.debug("audio {} is gone; status {} not recorded", change.audioId(), change.status().wire());
    }
  }

  @Override
  public TranscriptionResult transcribe(TranscriptionRequest request) {
    UUID orgId = request.orgId();
    AudioRow audio = find(orgId, request.audioId());
    String language = blankToNull(request.language());
    if (language != null && !language.equals(audio.requestedLanguage())) {
      audios.updateRequestedLanguage(orgId, audio.id(), language);
    }
    String hint = language != null ? language : audio.requestedLanguage();

    TranscriptRedaction redaction = TranscriptRedaction.of(
        jdbi.onDemand(OrganizationDao.class).privacy(orgId).orElse(PrivacySettings.OFF));
    long started = System.nanoTime();
    Transcript transcript;
    try (BlobAudio source = BlobAudio.open(blobs, audio)) {
      transcript = longAudio.transcribe(audio.sha256(), source.audioSource(), hint, checkpoints.get(),
          redaction.filter());
    } catch (SpeechException e) {
      LOG.info("audio {} ({} bytes): {} failed with {} (HTTP {}) after {} ms", audio.id(), audio.sizeBytes(),
          speech.provider(), e.getKind(), e.getHttpStatus(), millisSince(started));
      throw failure(e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read audio " + audio.id(), e);
    }

    List<SegmentRow> segments = segmentRows(transcript.segments());
    long durationMs = durationMs(transcript, segments);
    String detected = transcript.language() != null ? transcript.language() : hint;
    String redactions = redaction.enabled() ? json(TranscriptRedaction.counts(segments)) : null;
    boolean stored = jdbi.inTransaction(handle -> {
      if (SharedDaos.attach(handle, AudioDao.class)
          .recordTranscription(orgId, audio.id(), detected, durationMs, speech.provider()) == 0) {
        return false;
      }
      SharedDaos.attach(handle, TranscriptDao.class).replace(orgId, audio.id(), segments);
      SharedDaos.attach(handle, RedactionDao.class).record(orgId, audio.id(), redactions);
      return true;
    });
    if (!stored) {
      throw AudioFailure.AUDIO_NOT_FOUND.failure("audio " + audio.id() + " was deleted during transcription");
    }
    LOG.info("audio {} ({} bytes) transcribed by {} in {} ms: {} segments, {} ms, language {}", audio.id(),
        audio.sizeBytes(), speech.provider(), millisSince(started), segments.size(), durationMs, detected);
    return new TranscriptionResult(segments.size(), durationMs, detected, speech.provider());
  }

  @Override
  public OpportunityResult findOpportunities(OpportunityRequest request) {
    UUID orgId = request.orgId();
    // One pooled handle and one transaction for the whole step: its reads and the replace
    return jdbi.inTransaction(handle -> {
      AudioRow audio = SharedDaos.attach(handle, AudioDao.class).find(orgId, request.audioId())
          .orElseThrow(() -> AudioFailure.AUDIO_NOT_FOUND.failure("audio " + request.audioId() + " not found"));
      List<OpportunityRow> found = matcher.match(SharedDaos.attach(handle, KeywordDao.class).list(orgId),
          SharedDaos.attach(handle, TranscriptDao.class).list(orgId, audio.id()));
      SharedDaos.attach(handle, OpportunityDao.class).replace(orgId, audio.id(), found);
      return new OpportunityResult(found.size());
    });
  }

  private AudioRow find(UUID orgId, UUID audioId) {
    return audios.find(orgId, audioId)
        .orElseThrow(() -> AudioFailure.AUDIO_NOT_FOUND.failure("audio " + audioId + " not found"));
  }

  private static ApplicationFailure failure(SpeechException e) {
    return switch (e.getKind()) {
      case NOT_CONFIGURED -> AudioFailure.SPEECH_NOT_CONFIGURED.failure(e.getMessage());
      case UNAUTHORIZED -> AudioFailure.SPEECH_UNAUTHORIZED.failure(e.getMessage());
      case REJECTED -> AudioFailure.SPEECH_REJECTED.failure(e.getMessage());
      case TOO_LARGE -> AudioFailure.AUDIO_TOO_LARGE.failure(e.getMessage());
      case RETRYABLE -> ApplicationFailure.newBuilder()
          .setMessage(e.getMessage())
          .setType(SPEECH_RETRYABLE)
          .setNonRetryable(false)
          .setNextRetryDelay(e.getRetryAfter())
          .build();
    };
  }

  private static List<SegmentRow> segmentRows(List<Segment> segments) {
    List<SegmentRow> rows = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      Float confidence = s.confidence() == null ? null : s.confidence().floatValue();
      rows.add(new SegmentRow(rows.size(), s.startMs(), s.endMs(), s.speaker(), s.text(), confidence));
    }
    return rows;
  }

  private static long durationMs(Transcript transcript, List<SegmentRow> segments) {
    if (transcript.durationMs() > 0 || segments.isEmpty()) {
      return Math.max(0, transcript.durationMs());
    }
    return segments.get(segments.size() - 1).endMs();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String json(Map<String, Integer> counts) {
    try {
      return JSON.writeValueAsString(counts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise redaction counts", e);
    }
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }
}
