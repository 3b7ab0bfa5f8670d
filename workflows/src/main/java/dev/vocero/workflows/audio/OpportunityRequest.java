package dev.vocero.workflows.audio;

import java.util.UUID;

public record OpportunityRequest(UUID orgId, UUID audioId) {}
