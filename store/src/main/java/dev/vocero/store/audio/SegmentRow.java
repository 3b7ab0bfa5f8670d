package dev.vocero.store.audio;

/** One transcript segment; times in milliseconds from the start of the audio. */
public record SegmentRow(int idx, long startMs, long endMs, String speaker, String text, Float confidence) {}
