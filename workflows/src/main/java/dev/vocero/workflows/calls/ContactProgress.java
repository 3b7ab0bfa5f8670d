package dev.vocero.workflows.calls;

/** Answer of a contact call's {@code progress} query. */
public record ContactProgress(ContactState state, int attempt, int phoneIndex, Disposition lastDisposition, long waitingUntilEpochMs) {}
