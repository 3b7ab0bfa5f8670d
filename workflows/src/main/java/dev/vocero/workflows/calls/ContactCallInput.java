package dev.vocero.workflows.calls;

import java.util.UUID;

public record ContactCallInput(UUID orgId, UUID batchId, long contactId, BatchSettings settings) {}
