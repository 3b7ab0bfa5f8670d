package dev.vocero.workflows.audio;

import java.util.UUID;

/** Start input of {@link AudioProcessingWorkflow}; {@code language} is an optional ISO-639-1 hint. */
public record AudioProcessingInput(UUID orgId, UUID audioId, String language) {}
