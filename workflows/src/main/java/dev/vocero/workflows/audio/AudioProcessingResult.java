package dev.vocero.workflows.audio;

/** What one run of {@link AudioProcessingWorkflow} ended with. */
public record AudioProcessingResult(AudioStatus status, int segments, int opportunities, String failureReason) {}
