package dev.vocero.workflows.audio;

/** Summary only: the segments themselves live in PostgreSQL, not in workflow history. */
public record TranscriptionResult(int segments, long durationMs, String language, String provider) {}
