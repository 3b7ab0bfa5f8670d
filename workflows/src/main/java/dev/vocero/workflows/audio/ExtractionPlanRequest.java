package dev.vocero.workflows.audio;

import java.util.UUID;

public record ExtractionPlanRequest(UUID orgId, UUID audioId) {}
