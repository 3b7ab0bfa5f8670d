package dev.vocero.store.extraction;

import java.time.Instant;

/** What one extractor version produced for one audio; {@code status} is ok, invalid, failed or skipped. */
public record ExtractionRow(
    String extractor,
    int extractorVersion,
    String status,
    String result,
    String provider,
    String model,
    String error,
    int answers,
    Instant createdAt) {}
