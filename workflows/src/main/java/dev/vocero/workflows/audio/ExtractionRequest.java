package dev.vocero.workflows.audio;

import java.util.UUID;

public record ExtractionRequest(UUID orgId, UUID audioId, String extractor, int version) {}
