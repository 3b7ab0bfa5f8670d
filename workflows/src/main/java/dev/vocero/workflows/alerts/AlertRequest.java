package dev.vocero.workflows.alerts;

import java.util.UUID;

public record AlertRequest(UUID orgId, UUID audioId) {}
