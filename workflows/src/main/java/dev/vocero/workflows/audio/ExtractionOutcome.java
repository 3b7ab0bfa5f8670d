package dev.vocero.workflows.audio;

/** What was recorded for one extractor: {@code status} is ok, invalid or failed; provider is who answered. */
public record ExtractionOutcome(String extractor, int version, String status, String provider) {}
