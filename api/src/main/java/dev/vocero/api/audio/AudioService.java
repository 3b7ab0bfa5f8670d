package dev.vocero.api.audio;

import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.audio.OpportunityDao;
import dev.vocero.store.audio.TranscriptDao;
import dev.vocero.store.blob.BlobStore;
import dev.vocero.store.extraction.ExtractionDao;
import dev.vocero.workflows.audio.AudioStatus;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Audios once uploaded: listing, reading, deleting (workflow, row and, when unshared, the blob) and reprocessing. */
public class AudioService {
  private static final Logger LOG = LoggerFactory.getLogger(AudioService.class);
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private final Jdbi jdbi;
  private final AudioWorkflows workflows;
  private final BlobStore blobs;

  public AudioService(Jdbi jdbi, AudioWorkflows workflows, BlobStore blobs) {
    this.jdbi = jdbi;
    this.workflows = workflows;
    this.blobs = blobs;
  }

  public Page<AudioViews.Summary> list(VoceroPrincipal caller, String status, PageRequest page) {
    String wireStatus = status == null || status.isBlank() ? null : status(status);
    return SharedDaos.of(jdbi).with(AudioDao.class, dao -> page.of(
        dao.list(caller.orgId(), wireStatus, page.pageSize(), page.offset()).stream().map(AudioViews.Summary::of)
            .toList(),
        dao.count(caller.orgId(), wireStatus)));
  }

  public AudioViews.Detail get(VoceroPrincipal caller, UUID id) {
    return jdbi.inTransaction(handle -> {
      AudioRow audio = SharedDaos.attach(handle, AudioDao.class).find(caller.orgId(), id)
          .orElseThrow(() -> ApiException.notFound("Audio " + id));
      return AudioViews.Detail.of(audio, SharedDaos.attach(handle, TranscriptDao.class).list(caller.orgId(), id),
          SharedDaos.attach(handle, OpportunityDao.class).list(caller.orgId(), id),
          SharedDaos.attach(handle, ExtractionDao.class).list(caller.orgId(), id));
    });
  }

  public AudioRow find(VoceroPrincipal caller, UUID id) {
    return SharedDaos.of(jdbi).with(AudioDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Audio " + id));
  }

  /** Cancels an unfinished workflow, deletes the row, and the blob when no other audio shares it. */
  public void delete(VoceroPrincipal caller, UUID id) throws IOException {
    AudioRow audio = find(caller, id);
    if (!AudioStatus.fromWire(audio.status()).terminal()) {
      workflows.cancel(id, "deleted by " + caller.userId());
    }
    SharedDaos.of(jdbi).use(AudioDao.class, dao -> dao.delete(caller.orgId(), id));
    if (SharedDaos.of(jdbi).with(AudioDao.class, dao -> dao.countByBlobKey(audio.blobKey())) == 0) {
      blobs.delete(audio.blobKey());
    }
    LOG.info("Audio {} deleted", id);
  }

  public AudioViews.Reprocessing reprocess(VoceroPrincipal caller, UUID id, String language) {
    AudioRow audio = find(caller, id);
    int pass = workflows.reprocess(caller.orgId(), audio.id(), language(language));
    return new AudioViews.Reprocessing(audio.id(), AudioStatus.QUEUED.wire(), pass);
  }

  /** An ISO-639 code in lower case, or null for automatic detection. */
  static String language(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String lang = value.trim().toLowerCase(Locale.ROOT);
    if (!LANGUAGE.matcher(lang).matches()) {
      throw ApiException.invalidField("invalid_language", "language", "pattern",
          "language must be an ISO-639-1 code such as 'es' or 'en'.");
    }
    return lang;
  }

  private static String status(String value) {
    try {
      return AudioStatus.fromWire(value).wire();
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField("invalid_status", "status", "invalid_value",
          "status must be one of queued, transcribing, analyzing, completed, failed, cancelled.");
    }
  }
}
