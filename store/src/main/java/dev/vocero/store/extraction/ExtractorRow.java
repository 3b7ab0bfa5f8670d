package dev.vocero.store.extraction;

import java.time.Instant;
import java.util.UUID;

/** An extractor at one of its versions; {@code jsonSchema} is the schema's JSON text. */
public record ExtractorRow(
    long id,
    UUID orgId,
    String name,
    boolean enabled,
    int version,
    int latestVersion,
    String description,
    String instructions,
    String jsonSchema,
    Instant createdAt,
    Instant updatedAt) {}
