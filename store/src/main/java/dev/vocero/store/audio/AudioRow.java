package dev.vocero.store.audio;

import java.time.Instant;
import java.util.UUID;

/** One stored audio; {@code status} is the lowercase wire form of the workflow's AudioStatus. */
public record AudioRow(
    UUID id,
    UUID orgId,
    String title,
    String originalFilename,
    String contentType,
    long sizeBytes,
    String sha256,
    String blobKey,
    String requestedLanguage,
    String language,
    Long durationMs,
    String status,
    String failureReason,
    String speechProvider,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt) {

  /** A new upload, before any processing. */
  public static AudioRow queued(
      UUID id, UUID orgId, String title, String originalFilename, String contentType, long sizeBytes,
      String sha256, String blobKey, String requestedLanguage, UUID createdBy) {
    return new AudioRow(id, orgId, title, originalFilename, contentType, sizeBytes, sha256, blobKey,
        requestedLanguage, null, null, "queued", null, null, createdBy, null, null, null);
  }
}
