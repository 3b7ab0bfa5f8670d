package dev.vocero.store.calls;

import java.time.Instant;
import java.util.UUID;

/** A call batch; {@code settings} is the JSON of the workflow's BatchSettings. */
public record BatchRow(
    UUID id,
    UUID orgId,
    String name,
    String status,
    String settings,
    String sourceFilename,
    String sourceFormat,
    int rowsRead,
    int contactsCount,
    int rejectedCount,
    int started,
    int finished,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt) {}
