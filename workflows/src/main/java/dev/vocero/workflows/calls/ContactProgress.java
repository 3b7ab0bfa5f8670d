package dev.vocero.workflows.calls;

/** Answer of a contact call's {@code progress} query. */
public record ContactProgress(String state, int attempt, int phoneIndex, Disposition lastDisposition, long waitingUntilEpochMs) {}
