package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchSettings;
import java.util.UUID;

/** Argument of the {@code addBatch} update: a batch of the campaign's organisation, checked by the API. */
public record AddBatch(UUID batchId, BatchSettings settings) {}
