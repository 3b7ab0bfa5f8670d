package dev.vocero.store.audio;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of an organization's opportunity dictionary; {@code priority} is low, medium or high. */
public record KeywordRow(
    long id,
    UUID orgId,
    String keyword,
    String topic,
    String priority,
    List<String> variants,
    String language,
    Instant createdAt,
    Instant updatedAt) {}
