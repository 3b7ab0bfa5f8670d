package dev.vocero.workers.bench.window;

import java.util.List;

/**
 * One run of the engine baseline: records {@code offset}..{@code total}-1 still to start, {@code pageSize} per run, at
 * most {@code window} children at once; {@code running} carried over from the previous run.
 */
public record WindowInput(int total, int offset, int pageSize, int window, List<Integer> running, int finished) {}
