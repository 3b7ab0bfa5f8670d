package dev.vocero.workflows.chat;

/** One transcript segment of a passage; times in ms from the start of the audio. */
public record ChatSegment(int idx, long startMs, long endMs, String speaker, String text) {}
