package dev.vocero.api.audio;

import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.blob.BlobStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts an upload: stage and hash it, sniff its format, deduplicate, store the blob, insert the row,
 * start the workflow. If the workflow cannot start, the row and any blob written here are removed again.
 */
public class AudioIntake {
  private static final Logger LOG = LoggerFactory.getLogger(AudioIntake.class);

  private final Jdbi jdbi;
  private final BlobStore blobs;
  private final AudioWorkflows workflows;
  private final UploadConfig config;

  public AudioIntake(Jdbi jdbi, BlobStore blobs, AudioWorkflows workflows, UploadConfig config) {
    this.jdbi = jdbi;
    this.blobs = blobs;
    this.workflows = workflows;
    this.config = config;
  }

  public record Result(AudioRow audio, boolean created) {}

  public Result accept(VoceroPrincipal caller, InputStream body, String filename, String title, String language,
      boolean force) throws IOException {
    Path staging = config.getStagingDir() == null || config.getStagingDir().isBlank() ? null : Path.of(config.getStagingDir());
    try (StagedUpload upload = StagedUpload.stage(body, staging, config.getMaxBytes())) {
      String contentType = sniff(upload);
      if (!force) {
        Optional<AudioRow> existing = SharedDaos.of(jdbi).with(AudioDao.class, dao -> dao.findBySha256(caller.orgId(), upload.sha256()));
        if (existing.isPresent()) {
          return new Result(existing.get(), false);
        }
      }
      return new Result(store(caller, upload, contentType, filename, title, language), true);
    }
  }

  private String sniff(StagedUpload upload) throws IOException {
    if (upload.size() == 0) {
      throw ApiException.unprocessable("empty_file", "The uploaded file is empty.");
    }
    try (InputStream head = new BufferedInputStream(upload.open())) {
      Optional<String> type = AudioType.detect(head);
      if (type.isPresent()) {
        return type.get();
      }
    }
    String seen;
    try (InputStream head = new BufferedInputStream(upload.open())) {
      seen = AudioType.describe(head);
    }
    throw new ApiException(415, "unsupported_audio_type",
        "The file content is " + seen + ", not a supported audio format (" + AudioType.SUPPORTED + ").");
  }

  private AudioRow store(VoceroPrincipal caller, StagedUpload upload, String contentType, String filename, String title,
      String language) throws IOException {
    String key = BlobStore.keyFor(upload.sha256());
    boolean blobWasThere = blobs.exists(key);
    if (!blobWasThere) {
      try (InputStream in = upload.open()) {
        blobs.put(key, in, upload.size());
      }
    }
    AudioRow row = AudioRow.queued(UUID.randomUUID(), caller.orgId(), title, filename, contentType, upload.size(),
        upload.sha256(), key, language, caller.userId());
    try {
      SharedDaos.of(jdbi).use(AudioDao.class, dao -> dao.insert(row));
      workflows.start(caller.orgId(), row.id(), language);
    } catch (RuntimeException e) {
      undo(row, blobWasThere);
      throw e;
    }
    LOG.info("Audio {} accepted: {} bytes, {}", row.id(), upload.size(), contentType);
    return SharedDaos.of(jdbi).with(AudioDao.class, dao -> dao.find(caller.orgId(), row.id())).orElseThrow();
  }

  private void undo(AudioRow row, boolean blobWasThere) {
    try {
      SharedDaos.of(jdbi).use(AudioDao.class, dao -> dao.delete(row.orgId(), row.id()));
      if (!blobWasThere && SharedDaos.of(jdbi).with(AudioDao.class, dao -> dao.countByBlobKey(row.blobKey())) == 0) {
        blobs.delete(row.blobKey());
      }
    } catch (IOException | RuntimeException cleanup) {
      LOG.error("Could not undo the upload of audio {}", row.id(), cleanup);
    }
  }
}
