package dev.vocero.workflows.calls;

/** Argument of the {@code setPace} update; {@code maxConcurrentCalls} null keeps the current value. */
public record PaceChange(double callsPerSecond, Integer maxConcurrentCalls) {}
