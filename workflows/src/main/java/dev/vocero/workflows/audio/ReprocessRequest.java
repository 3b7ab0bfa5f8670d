package dev.vocero.workflows.audio;

/** Argument of the {@code reprocess} update; {@code language} (nullable) replaces the language hint. */
public record ReprocessRequest(String language) {}
