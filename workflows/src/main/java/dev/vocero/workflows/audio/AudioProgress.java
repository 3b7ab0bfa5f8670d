package dev.vocero.workflows.audio;

/** Answer of the {@code progress} query: status, the pass (1 + reprocess count) and the failure, if any. */
public record AudioProgress(AudioStatus status, int pass, String failureReason) {}
