package dev.vocero.workflows.audio;

import java.util.UUID;

public record ExtractionFailure(UUID orgId, UUID audioId, String extractor, int version, String reason) {}
