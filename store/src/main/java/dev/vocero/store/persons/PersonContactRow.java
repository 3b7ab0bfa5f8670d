package dev.vocero.store.persons;

import java.time.Instant;
import java.util.UUID;

/** One decision of the contact gate for a person; {@code phoneMasked} never holds the full number. */
public record PersonContactRow(long id, long personId, String channel, String decision, String ruleId, String policy,
    String reason, String outcome, Instant notBefore, UUID batchId, UUID waveId, Long contactId, UUID attemptId,
    UUID messageId, String phoneMasked, Instant at) {}
