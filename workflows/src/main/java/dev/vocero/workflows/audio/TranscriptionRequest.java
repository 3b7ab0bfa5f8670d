package dev.vocero.workflows.audio;

import java.util.UUID;

public record TranscriptionRequest(UUID orgId, UUID audioId, String language) {}
