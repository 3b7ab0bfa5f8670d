package dev.vocero.activities.calls;

import dev.vocero.store.SharedDaos;
import dev.vocero.workflows.calls.CallFailure;
import dev.vocero.activities.recordings.RecordingDownloads;
import dev.vocero.activities.recordings.RecordingDownloads.Downloaded;
import dev.vocero.activities.telephony.TelephonyException;
import dev.vocero.store.blob.BlobStore;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.CallRecordingDao;
import dev.vocero.workflows.calls.CallRecordingActivities;
import dev.vocero.workflows.calls.RecordingEvent;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's recording becomes an audio: download, store content-addressed, insert the audio row (source "call") and
 * link the attempt, in one transaction. The audio id is derived from the attempt, so a retry or a replay finds it.
 */
public final class CallRecordingActivitiesImpl implements CallRecordingActivities {
  private static final Logger LOG = LoggerFactory.getLogger(CallRecordingActivitiesImpl.class);

  private final Jdbi jdbi;
  private final BlobStore blobs;
  private final RecordingDownloads downloads;

  public CallRecordingActivitiesImpl(Jdbi jdbi, BlobStore blobs, RecordingDownloads downloads) {
    this.jdbi = jdbi;
    this.blobs = blobs;
    this.downloads = downloads;
  }

  /** One audio per attempt: the same id for every retry, replay or duplicate recording callback. */
  public static UUID audioId(UUID attemptId) {
    return UUID.nameUUIDFromBytes(("call-recording:" + attemptId).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public StoredRecording storeRecording(RecordingRequest request) {
    RecordingEvent recording = request.recording();
    AttemptRow attempt = SharedDaos.of(jdbi).with(AttemptDao.class, dao -> dao.find(request.orgId(), request.attemptId()))
        .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
            "attempt " + request.attemptId() + " no longer exists", CallFailure.RECORDING_UNAVAILABLE.type()));
    String language = language(request);
    Optional<UUID> existing = SharedDaos.of(jdbi).with(CallRecordingDao.class, dao -> dao.audioOf(request.orgId(), attempt.id()));
    if (existing.isPresent()) {
      return new StoredRecording(existing.get(), language, false);
    }
    // the attempt's provider picks the credentials: sandbox callbacks arrive on the Twilio webhook too
    String provider = attempt.provider() != null ? attempt.provider() : recording.provider();
    try (Downloaded file = downloads.download(provider, recording.url())) {
      String key = BlobStore.keyFor(file.sha256());
      if (!blobs.exists(key)) {
        try (InputStream in = Files.newInputStream(file.file())) {
          blobs.put(key, in, file.size());
        }
      }
      UUID audioId = audioId(attempt.id());
      boolean created = jdbi.inTransaction(handle -> {
        CallRecordingDao dao = SharedDaos.attach(handle, CallRecordingDao.class);
        int inserted = dao.insertAudio(audioId, request.orgId(), attempt.id(), title(attempt), filename(recording, file),
            file.contentType(), file.size(), file.sha256(), key, language);
        dao.link(request.orgId(), attempt.id(), recording.url(), audioId);
        return inserted == 1;
      });
      LOG.info("Recording of attempt {} stored as audio {}: {} bytes, {}", attempt.id(), audioId, file.size(),
          file.contentType());
      return new StoredRecording(audioId, language, created);
    } catch (TelephonyException e) {
      throw e.retryable()
          ? ApplicationFailure.newBuilder().setMessage(e.getMessage()).setType("RecordingRetryable")
              .setNextRetryDelay(e.retryAfter()).build()
          : ApplicationFailure.newNonRetryableFailure(e.getMessage(), CallFailure.RECORDING_UNAVAILABLE.type());
    } catch (IOException e) {
      throw new UncheckedIOException("recording of attempt " + attempt.id() + " could not be stored", e);
    }
  }

  /** The batch's script language (es-MX → es): a hint, the speech provider still detects it. */
  private String language(RecordingRequest request) {
    return SharedDaos.of(jdbi).with(CallRecordingDao.class, dao -> dao.scriptLanguage(request.orgId(), request.attemptId()))
        .filter(tag -> tag.length() >= 2).map(tag -> tag.substring(0, 2).toLowerCase(Locale.ROOT)).orElse(null);
  }

  /** No name or number: titles show in audio listings. */
  private static String title(AttemptRow attempt) {
    return "Call attempt " + attempt.attemptNumber() + " of contact " + attempt.contactId();
  }

  private static String filename(RecordingEvent recording, Downloaded file) {
    String extension = switch (file.contentType()) {
      case "audio/mpeg" -> ".mp3";
      case "audio/ogg" -> ".ogg";
      case "audio/webm" -> ".webm";
      default -> ".wav";
    };
    String id = recording.recordingId() == null ? "recording" : recording.recordingId().replaceAll("[^A-Za-z0-9_-]", "");
    return id + extension;
  }
}
