package dev.vocero.workflows.calls;

/** What a contact's call workflow ended with; signalled to the batch and returned as its result. */
public record ContactOutcome(long contactId, Disposition disposition, int attempts) {}
